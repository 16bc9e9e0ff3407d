import { describe, expect, it } from "vitest";
import { editorGraphFrom } from "./editor-graph";
import { hasTemplates, loadedTemplateChecker, loadTemplateChecker } from "./template-checker";

const graphWith = (nodes: Array<{ id: string; kind: string; config: unknown }>) =>
  editorGraphFrom({ version: 1, nodes: nodes.map((node) => ({ ...node, position: { x: 0, y: 0 } })), edges: [] });

describe("template checker", () => {
  it("is needed only when a step has a template filled in", () => {
    expect(hasTemplates(graphWith([{ id: "t", kind: "trigger", config: { eventType: "call.missed", trackingNumbers: [] } }]))).toBe(false);
    expect(hasTemplates(graphWith([{ id: "tag", kind: "action.tag_call", config: { tags: ["x"] } }]))).toBe(false);
    expect(hasTemplates(graphWith([{ id: "sms", kind: "action.send_sms", config: {} }]))).toBe(false);
    expect(hasTemplates(graphWith([{ id: "sms", kind: "action.send_sms", config: { body: "Hi" } }]))).toBe(true);
    expect(hasTemplates(graphWith([{ id: "mail", kind: "action.send_email", config: { subject: "Missed call" } }]))).toBe(true);
  });

  it("loads once and is then available synchronously", async () => {
    const [first, second] = await Promise.all([loadTemplateChecker(), loadTemplateChecker()]);
    expect(first).toBe(second);
    expect(loadedTemplateChecker()).toBe(first);
    expect(first("{{ caller.name }}", "call.missed")).toEqual([]);
  });
});
