import { describe, expect, it } from "vitest";
import { eventTypes, type EventType } from "../events/event-types";
import { sampleCallers, sampleEventFrom } from "../events/sample-events";
import { nodeCatalogue } from "../catalogue/registry";
import { defaultEmailSubject, defaultSmsBody } from "../catalogue/actions/default-texts";
import { workflowTemplates } from "../gallery/workflow-templates";
import { checkTemplate, pickableVariables, renderTemplate, templateVariables } from "./liquid";
import { describeVariable, variableGroups, variableSnippet } from "./variable-catalogue";

/** What a caller reads when a value was missing: "Hi ," or "from  (" and the like. */
const gap = /\s[,.!?)]|\(\s*\)|:\s*$/;

describe("the variable catalogue", () => {
  it.each(eventTypes)("gives every variable %s offers words and a group, and keeps internal ids out of the picker", (eventType) => {
    const offered = pickableVariables(eventType);
    expect(offered.length).toBeGreaterThan(0);
    for (const variable of offered) {
      expect(variable.label).not.toBe(variable.path);
      expect(variable.label).not.toMatch(/_/);
      expect(variableGroups).toContain(variable.group);
    }
    const paths = offered.map((variable) => variable.path);
    expect(paths.filter((path) => /(^|\.)(id|external_id|gclid|type)$/.test(path))).toEqual([]);
    // Internal ones stay valid in a template that already uses them.
    expect(templateVariables(eventType).some((variable) => variable.internal)).toBe(true);
    expect(checkTemplate("{{ id }}", eventType)).toEqual([]);
  });

  it("groups a call's variables as Caller, Call, Tracking number, Attribution and Business, in that order", () => {
    const groups = [...new Set(pickableVariables("call.missed").map((variable) => variable.group))];
    expect(groups).toEqual(["Caller", "Call", "Tracking number", "Attribution", "Business", "Other"]);
    expect(pickableVariables("call.missed").find((variable) => variable.path === "organization.name")).toMatchObject({
      label: "Business name",
      group: "Business",
      optional: false,
    });
  });

  it("finds variables by their words, group or path", () => {
    expect(pickableVariables("call.missed", "name").map((variable) => variable.path)).toEqual(
      expect.arrayContaining(["caller.name", "organization.name", "tracking_number.label"]),
    );
    expect(pickableVariables("call.missed", "caller city").map((variable) => variable.path)).toEqual(["caller.city"]);
    expect(pickableVariables("call.missed", "attribution").every((variable) => variable.group === "Attribution")).toBe(true);
    expect(pickableVariables("call.missed", "no such thing")).toEqual([]);
  });

  it("inserts values that can be missing with a fallback, and sure ones as they are", () => {
    expect(variableSnippet("caller.name")).toBe('{{ caller.name | default: "there" }}');
    expect(variableSnippet("tracking_number.label")).toBe("{{ tracking_number.label | default: tracking_number.phone_number }}");
    expect(variableSnippet("caller.phone_number")).toBe("{{ caller.phone_number }}");
    expect(variableSnippet("organization.name")).toBe("{{ organization.name }}");
    expect(variableSnippet("call.tags")).toBe('{{ call.tags | join: ", " | default: "none" }}');
    // `default` would turn `false` into the fallback: yes/no values get none.
    expect(describeVariable("caller.first_call").fallback).toBeUndefined();
    expect(describeVariable("convert_assist.lead_qualified").fallback).toBeUndefined();
    expect(describeVariable("form.fields.service")).toMatchObject({
      label: "Form answer: Service",
      group: "Form",
      fallback: { text: "not given" },
    });
  });

  it.each(eventTypes)("offers snippets for %s that the template checker accepts and that never leave a gap", (eventType) => {
    for (const variable of pickableVariables(eventType)) {
      expect(checkTemplate(variable.snippet, eventType)).toEqual([]);
      for (const caller of sampleCallers) {
        const text = renderTemplate(`Value: ${variable.snippet}.`, sampleEventFrom(eventType, caller.id));
        if (variable.optional) expect(text, `${variable.path} for ${caller.id}`).not.toBe("Value: .");
      }
    }
  });
});

describe("sample callers", () => {
  it("has a named caller, one without a name and one without a source", () => {
    expect(sampleEventFrom("call.missed", "named").caller.name).toBe("Jane Doe");
    expect(sampleEventFrom("call.missed", "unnamed").caller.name).toBeNull();
    expect(sampleEventFrom("call.missed", "unnamed").attribution.source).toBe("Google Ads");
    expect(sampleEventFrom("call.missed", "no_source").caller.name).toBe("Jane Doe");
    expect(sampleEventFrom("call.missed", "no_source").attribution.source).toBeNull();
  });

  it('renders the picked-in name as "Hi there," for a caller without a name, not "Hi ,"', () => {
    const template = `Hi ${variableSnippet("caller.name")}, sorry we missed your call!`;
    expect(renderTemplate(template, sampleEventFrom("call.missed", "unnamed"))).toBe("Hi there, sorry we missed your call!");
    expect(renderTemplate(template, sampleEventFrom("call.missed", "named"))).toBe("Hi Jane Doe, sorry we missed your call!");
  });
});

describe("texts a new step or a template starts with", () => {
  const texts: Array<[string, EventType, string]> = [
    ...eventTypes.map((type): [string, EventType, string] => [`new text message (${type})`, type, defaultSmsBody(type)]),
    ...eventTypes.map((type): [string, EventType, string] => [`new email subject (${type})`, type, defaultEmailSubject(type)]),
    ...workflowTemplates.flatMap((template) =>
      template.graph.nodes.flatMap((node) =>
        nodeCatalogue[node.kind].templateFields.map((field): [string, EventType, string] => [
          `${template.id}: ${node.id}.${field.field}`,
          template.eventType,
          String((node.config as Record<string, unknown>)[field.field] ?? ""),
        ]),
      ),
    ),
  ];

  it.each(texts)("%s reads well for every sample caller", (_name, eventType, template) => {
    expect(checkTemplate(template, eventType)).toEqual([]);
    for (const caller of sampleCallers) {
      const text = renderTemplate(template, sampleEventFrom(eventType, caller.id));
      expect(text, caller.id).not.toMatch(/Hi ,/);
      expect(text, caller.id).not.toMatch(gap);
    }
  });

  it("says what happened to the call in a new email's subject", () => {
    expect(defaultEmailSubject("call.missed")).toMatch(/^Missed call/);
    expect(defaultEmailSubject("call.answered")).toMatch(/^Answered call/);
    for (const type of eventTypes.filter((type) => type !== "call.missed")) expect(defaultEmailSubject(type)).not.toMatch(/missed/i);
    expect(nodeCatalogue["action.send_email"].defaultConfig("call.answered").subject).toBe(defaultEmailSubject("call.answered"));
    expect(nodeCatalogue["action.send_sms"].defaultConfig("sms.received").body).not.toMatch(/missed/i);
  });
});
