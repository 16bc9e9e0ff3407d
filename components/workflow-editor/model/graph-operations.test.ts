import { describe, expect, it } from "vitest";
import { validateGraph } from "@/engine";
import { editorGraphFrom, storedGraphOf, type EditorGraph } from "./editor-graph";
import {
  addNode,
  addNodeAfter,
  connectNodes,
  freeOutputOf,
  nodeFromKind,
  removeSelected,
  selectAll,
  selectOnly,
  setBranchOpen,
  updateNodeConfig,
  withSelectionOf,
} from "./graph-operations";

function missedCallGraph(): EditorGraph {
  return editorGraphFrom({
    version: 1,
    nodes: [
      { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } },
      { id: "first", kind: "condition.caller_frequency", position: { x: 0, y: 150 }, config: { mode: "first_time" } },
      { id: "sms", kind: "action.send_sms", position: { x: 0, y: 300 }, config: { body: "Hi" } },
    ],
    edges: [
      { id: "e1", source: "trigger", sourceHandle: "out", target: "first" },
      { id: "e2", source: "first", sourceHandle: "true", target: "sms" },
    ],
  });
}

describe("graph operations", () => {
  it("adds a step selected, with its kind's default settings", () => {
    const graph = addNode(missedCallGraph(), nodeFromKind("action.delay", { x: 5, y: 6 }));
    const added = graph.nodes.at(-1)!;
    expect(added).toMatchObject({
      type: "action",
      selected: true,
      position: { x: 5, y: 6 },
      data: { kind: "action.delay", config: { amount: 30, unit: "minutes" } },
    });
    expect(graph.nodes.filter((node) => node.selected)).toHaveLength(1);
  });

  it("connects through the engine's rules and explains refusals", () => {
    const graph = missedCallGraph();
    expect(connectNodes(graph, { source: "sms", target: "trigger" })).toEqual({ reason: expect.stringContaining("trigger") });
    expect(connectNodes(graph, { source: "sms", sourceHandle: "out", target: "first" })).toEqual({
      reason: expect.stringContaining("loop"),
    });
    const result = connectNodes(graph, { source: "first", sourceHandle: "false", target: "sms" });
    expect("graph" in result && result.graph.edges.at(-1)).toMatchObject({ source: "first", sourceHandle: "false", target: "sms" });
  });

  it("closes an open branch once something is connected to it", () => {
    const open = setBranchOpen(missedCallGraph(), "first", "false", true);
    expect(open.nodes[1]!.data.openHandles).toEqual(["false"]);
    const sms2 = addNode(open, { ...nodeFromKind("action.send_sms", { x: 0, y: 0 }), id: "sms2" });
    const result = connectNodes(sms2, { source: "first", sourceHandle: "false", target: "sms2" });
    expect("graph" in result && result.graph.nodes[1]!.data.openHandles).toBeUndefined();
  });

  it("adds a step after the selected one on its first free output", () => {
    const graph = missedCallGraph();
    expect(freeOutputOf(graph, "first")).toBe("false");
    const { graph: next, nodeId } = addNodeAfter(graph, "first", "action.tag_call");
    expect(next.edges.at(-1)).toMatchObject({ source: "first", sourceHandle: "false", target: nodeId });
    expect(next.nodes.find((node) => node.id === nodeId)!.position.y).toBeGreaterThan(150);
  });

  it("removes the selection and the connections that touched it", () => {
    const graph = removeSelected(selectOnly(missedCallGraph(), ["trigger"]));
    expect(graph.nodes.map((node) => node.id)).toEqual(["first", "sms"]);
    expect(graph.edges.map((edge) => edge.id)).toEqual(["e2"]);
  });

  it("updates settings and round-trips to the stored format", () => {
    const graph = updateNodeConfig(setBranchOpen(missedCallGraph(), "first", "false", true), "sms", { body: "Thanks {{ caller.name }}" });
    const stored = storedGraphOf(graph);
    expect(stored.nodes[2]!.config).toEqual({ body: "Thanks {{ caller.name }}" });
    expect(validateGraph(stored, { mode: "publish" })).toEqual([]);
  });

  it("selects everything, and keeps the current selection across undo", () => {
    const all = selectAll(missedCallGraph());
    expect(all.nodes.every((node) => node.selected) && all.edges.every((edge) => edge.selected)).toBe(true);
    const restored = withSelectionOf(missedCallGraph(), selectOnly(missedCallGraph(), ["sms"]));
    expect(restored.nodes.filter((node) => node.selected).map((node) => node.id)).toEqual(["sms"]);
  });
});
