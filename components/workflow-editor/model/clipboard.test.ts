import { describe, expect, it } from "vitest";
import { editorGraphFrom } from "./editor-graph";
import { clipHasTriggerOnly, copySelection, pasteClip, pasteOffset } from "./clipboard";
import { selectOnly } from "./graph-operations";

const graph = editorGraphFrom({
  version: 1,
  nodes: [
    { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } },
    { id: "a", kind: "condition.caller_frequency", position: { x: 0, y: 150 }, config: { mode: "first_time" } },
    { id: "b", kind: "action.send_sms", position: { x: 0, y: 300 }, config: { body: "Hi" } },
  ],
  edges: [
    { id: "e1", source: "trigger", sourceHandle: "out", target: "a" },
    { id: "e2", source: "a", sourceHandle: "true", target: "b" },
  ],
});

describe("clipboard", () => {
  it("copies selected steps with the connections between them, never the trigger", () => {
    const clip = copySelection(selectOnly(graph, ["trigger", "a", "b"]));
    expect(clip.nodes.map((node) => node.id)).toEqual(["a", "b"]);
    expect(clip.edges.map((edge) => edge.id)).toEqual(["e2"]);
    expect(clipHasTriggerOnly(selectOnly(graph, ["trigger"]))).toBe(true);
  });

  it("pastes with new ids, shifted, selected, internal connections rewired", () => {
    const clip = copySelection(selectOnly(graph, ["a", "b"]));
    const { graph: pasted, nodeIds } = pasteClip(graph, clip, 2);
    expect(pasted.nodes).toHaveLength(5);
    expect(nodeIds).toHaveLength(2);
    expect(nodeIds).not.toContain("a");
    const copyOfA = pasted.nodes.find((node) => node.id === nodeIds[0])!;
    expect(copyOfA.position).toEqual({ x: pasteOffset.x * 2, y: 150 + pasteOffset.y * 2 });
    expect(copyOfA.selected).toBe(true);
    expect(pasted.edges.at(-1)).toMatchObject({ source: nodeIds[0], target: nodeIds[1], sourceHandle: "true" });
    expect(pasted.nodes.filter((node) => node.selected)).toHaveLength(2);
  });

  it("does not share settings objects between original and copy", () => {
    const clip = copySelection(selectOnly(graph, ["b"]));
    const { graph: pasted } = pasteClip(graph, clip);
    expect(pasted.nodes.at(-1)!.data.config).not.toBe(graph.nodes[2]!.data.config);
  });
});
