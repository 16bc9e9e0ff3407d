import { describe, expect, it } from "vitest";
import { publishBlockers, validateGraph } from "@/engine";
import { editorGraphFrom, storedGraphOf } from "./editor-graph";
import { indexProblems, problemForField, stepTitle } from "./problem-index";

const looseEnds = editorGraphFrom({
  version: 1,
  nodes: [
    { id: "t", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } },
    { id: "sms", kind: "action.send_sms", position: { x: 0, y: 150 }, config: { body: "" } },
    { id: "hook", kind: "action.webhook", position: { x: 0, y: 300 }, config: { urls: ["https://ok.example.com", "nope"], headers: [] } },
  ],
  edges: [],
});

describe("the editor's problem index", () => {
  it("blocks publishing on exactly what the server refuses, unfinished paths included", () => {
    const index = indexProblems(validateGraph(storedGraphOf(looseEnds), { mode: "draft" }));
    expect(index.warningCount).toBeGreaterThan(0);
    expect(index.blocking).toEqual(publishBlockers(storedGraphOf(looseEnds)));
    expect(index.blocking.every((problem) => problem.severity === "error")).toBe(true);
  });

  it("says which line of a list a problem is on", () => {
    const index = indexProblems(validateGraph(storedGraphOf(looseEnds), { mode: "draft" }));
    expect(problemForField(index.byNode.get("hook"), "urls")).toBe("Line 2: Enter a full address starting with https://");
    expect(problemForField(index.byNode.get("sms"), "body")).toBe("Write the text message");
    expect(problemForField(index.byNode.get("sms"), "subject")).toBeUndefined();
  });

  it("names a step as its card does", () => {
    expect(stepTitle(looseEnds.nodes[1])).toBe("Text the caller");
    expect(stepTitle({ data: { kind: "action.send_sms", label: "Say sorry" } })).toBe("Say sorry");
    expect(stepTitle(undefined)).toBeNull();
  });
});
