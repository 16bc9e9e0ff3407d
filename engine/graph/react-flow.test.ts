import { describe, expect, it } from "vitest";
import { edge, graphOf, node, trigger, yes } from "../test-support/graph-builder";
import { fromReactFlow, toReactFlow, type FlowEdge, type FlowNode } from "./react-flow";

const graph = graphOf(
  [
    trigger("t"),
    node("c", "condition.call_duration", { operator: "gt", seconds: 10 }, { openHandles: ["false"], label: "Long call?" }),
    node("a", "action.send_sms"),
  ],
  [edge("t", "c"), yes("c", "a")],
);

describe("React Flow conversion", () => {
  it("draws nodes by category with their kind and config as data", () => {
    const { nodes, edges } = toReactFlow(graph);
    expect(nodes.map((n) => n.type)).toEqual(["trigger", "condition", "action"]);
    expect(nodes[1]).toEqual({
      id: "c",
      type: "condition",
      position: { x: 0, y: 0 },
      data: { kind: "condition.call_duration", config: graph.nodes[1].config, label: "Long call?", openHandles: ["false"] },
    });
    expect(edges).toEqual([
      { id: "t-out-c", source: "t", target: "c", sourceHandle: "out" },
      { id: "c-true-a", source: "c", target: "a", sourceHandle: "true" },
    ]);
    expect(toReactFlow(graphOf([{ ...trigger("x"), kind: "nope" } as never], [])).nodes[0].type).toBe("unknown");
  });

  it("round-trips to the same stored graph", () => {
    const { nodes, edges } = toReactFlow(graph);
    expect(fromReactFlow(nodes, edges)).toEqual(graph);
  });

  it("drops what React Flow adds and reads an unnamed handle as the single output", () => {
    const nodes = [
      {
        id: "t",
        type: "trigger",
        position: { x: 5, y: 6 },
        data: { kind: "trigger", config: { eventType: "call.missed" }, label: "", openHandles: [] as ("true" | "false")[] },
        selected: true,
        measured: { width: 200, height: 80 },
      },
    ];
    const edges = [{ id: "e", source: "t", target: "x", sourceHandle: null, animated: true }];
    expect(fromReactFlow(nodes satisfies FlowNode[], edges satisfies FlowEdge[])).toEqual({
      version: 1,
      nodes: [{ id: "t", kind: "trigger", position: { x: 5, y: 6 }, config: { eventType: "call.missed" } }],
      edges: [{ id: "e", source: "t", sourceHandle: "out", target: "x" }],
    });
  });
});
