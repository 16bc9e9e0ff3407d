import { describe, expect, it } from "vitest";
import { eventTypes } from "../events/event-types";
import {
  getNodeDefinition,
  isExecutableAction,
  isNodeKind,
  nodeCatalogue,
  nodeCategories,
  nodeDefinitionsFor,
  nodeDefinitionsInCategory,
  nodeKinds,
  outputHandlesOf,
  summarizeNode,
} from "./registry";

const expectedKinds = [
  "trigger",
  "condition.call_duration",
  "condition.caller_frequency",
  "condition.source",
  "condition.tracking_number",
  "condition.business_hours",
  "condition.call_status",
  "condition.caller_number",
  "condition.caller_state",
  "condition.tags",
  "condition.message_text",
  "condition.form_field",
  "action.send_sms",
  "action.send_email",
  "action.webhook",
  "action.delay",
  "action.tag_call",
];

describe("node catalogue", () => {
  it("has exactly the kinds the product offers", () => {
    expect([...nodeKinds].sort()).toEqual([...expectedKinds].sort());
  });

  it.each(nodeKinds)("%s is fully described", (kind) => {
    const definition = nodeCatalogue[kind];
    expect(definition.kind).toBe(kind);
    expect(kind.startsWith(definition.category) || (kind === "trigger" && definition.category === "trigger")).toBe(true);
    expect(definition.label.length).toBeGreaterThan(2);
    expect(definition.description).toMatch(/\.$/);
    expect(definition.icon).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(definition.fitsEventTypes.length).toBeGreaterThan(0);
    for (const type of definition.fitsEventTypes) expect(eventTypes).toContain(type);
    expect(typeof definition.defaultConfig()).toBe("object");
    expect(definition.defaultConfig()).not.toBe(definition.defaultConfig());
    for (const field of definition.templateFields) expect(field.maxLength).toBeGreaterThan(0);
  });

  it("tells actions that reach outside the run from waiting and from other kinds", () => {
    expect(["action.send_sms", "action.send_email", "action.webhook", "action.tag_call"].every(isExecutableAction)).toBe(true);
    expect(["action.delay", "condition.call_duration", "trigger", "constructor", "action.unknown"].some(isExecutableAction)).toBe(false);
  });

  it("gives conditions Yes/No outputs and everything else one output", () => {
    for (const kind of nodeKinds) {
      const definition = nodeCatalogue[kind];
      if (definition.category === "condition") {
        expect(definition.outputs).toEqual([
          { id: "true", label: "Yes" },
          { id: "false", label: "No" },
        ]);
        expect(typeof definition.evaluate).toBe("function");
      } else {
        expect(definition.outputs.map((output) => output.id)).toEqual(["out"]);
      }
      if (definition.category === "action") expect(typeof definition.prepare).toBe("function");
    }
  });

  it("summarises default configs that are complete, and says when one needs setting up", () => {
    expect(summarizeNode("condition.call_duration", nodeCatalogue["condition.call_duration"].defaultConfig())).toBe("Duration > 10 s");
    expect(summarizeNode("action.send_sms", nodeCatalogue["action.send_sms"].defaultConfig())).toBe(
      "Text caller: Hi {caller.name}, sorry we…",
    );
    expect(summarizeNode("action.webhook", { urls: [] })).toBe("Send a webhook: needs setting up");
    expect(summarizeNode("action.nope", {})).toBe("Unknown step");
  });

  it("summarises the trigger with its number filter", () => {
    const summary = (config: unknown) => summarizeNode("trigger", config);
    expect(summary({ eventType: "call.missed" })).toBe("When a call is missed");
    expect(summary({ eventType: "sms.received", trackingNumbers: ["+14155550100"] })).toBe("When a text is received on +14155550100");
    expect(summary({ eventType: "call.answered", trackingNumbers: ["+14155550100", "+14155550101"] })).toBe(
      "When a call is answered on 2 numbers",
    );
    expect(summary({ eventType: "call.answered", trackingNumbers: ["not a number"] })).toBe("Trigger: needs setting up");
  });

  it("survives a summary that throws", () => {
    const definition = nodeCatalogue["action.delay"];
    const original = definition.summary;
    (definition as { summary: unknown }).summary = () => {
      throw new Error("boom");
    };
    try {
      expect(summarizeNode("action.delay", { amount: 1, unit: "hours" })).toBe("Wait");
    } finally {
      (definition as { summary: unknown }).summary = original;
    }
  });

  it("looks kinds up safely", () => {
    expect(isNodeKind("action.send_sms")).toBe(true);
    expect(isNodeKind("toString")).toBe(false);
    expect(getNodeDefinition("constructor")).toBeUndefined();
    expect(getNodeDefinition("trigger")?.category).toBe("trigger");
    expect(outputHandlesOf("condition.tags")).toEqual(["true", "false"]);
    expect(outputHandlesOf("nope")).toEqual([]);
  });

  it("groups the palette by category and by trigger", () => {
    expect(nodeCategories.map((category) => category.id)).toEqual(["trigger", "condition", "action"]);
    expect(nodeDefinitionsInCategory("action").map((d) => d.kind)).toEqual([
      "action.send_sms",
      "action.send_email",
      "action.webhook",
      "action.delay",
      "action.tag_call",
    ]);
    const forForms = nodeDefinitionsFor("form.submitted").map((d) => d.kind);
    expect(forForms).toContain("condition.form_field");
    expect(forForms).not.toContain("condition.call_duration");
    expect(forForms).not.toContain("trigger");
    const forTexts = nodeDefinitionsFor("sms.received").map((d) => d.kind);
    expect(forTexts).toContain("condition.message_text");
    expect(forTexts).not.toContain("action.tag_call");
    expect(nodeDefinitionsFor("sms.sent").map((d) => d.kind)).not.toContain("action.send_sms");
  });
});
