import { describe, expect, it } from "vitest";
import { editorGraphFrom } from "./editor-graph";
import { tidyLayout } from "./auto-layout";

describe("tidy up", () => {
  it("places each step below its parent and Yes to the left of No", () => {
    const graph = editorGraphFrom({
      version: 1,
      nodes: [
        { id: "t", kind: "trigger", position: { x: 500, y: 500 }, config: { eventType: "call.missed", trackingNumbers: [] } },
        { id: "c", kind: "condition.caller_frequency", position: { x: 500, y: 500 }, config: { mode: "first_time" } },
        { id: "no", kind: "action.delay", position: { x: 0, y: 0 }, config: { amount: 1, unit: "hours" } },
        { id: "yes", kind: "action.send_sms", position: { x: 0, y: 0 }, config: { body: "Hi" } },
      ],
      edges: [
        { id: "e1", source: "t", sourceHandle: "out", target: "c" },
        { id: "e2", source: "c", sourceHandle: "false", target: "no" },
        { id: "e3", source: "c", sourceHandle: "true", target: "yes" },
      ],
    });
    const at = Object.fromEntries(tidyLayout(graph).nodes.map((node) => [node.id, node.position]));
    expect(at.c!.y).toBeGreaterThan(at.t!.y);
    expect(at.yes!.y).toBeGreaterThan(at.c!.y);
    expect(at.yes!.x).toBeLessThan(at.no!.x);
  });
});
