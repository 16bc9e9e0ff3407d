import { describe, expect, it } from "vitest";
import { edge, graphOf, node, trigger } from "../test-support/graph-builder";
import { adjacencyOf, incomingEdges, nodesOnCycles, outgoingEdges, pathExists, reachableFrom, topologicalOrder } from "./topology";

const n = (id: string) => node(id, "action.delay");

describe("topology", () => {
  it("orders parents before children, ties broken by listing order", () => {
    const graph = graphOf([n("d"), n("b"), trigger("t"), n("a")], [edge("t", "a"), edge("t", "b"), edge("a", "d"), edge("b", "d")]);
    expect(topologicalOrder(graph)).toEqual(["t", "b", "a", "d"]);
  });

  it("gives the same order every time", () => {
    const graph = graphOf([trigger("t"), n("x"), n("y"), n("z")], [edge("t", "z"), edge("t", "y"), edge("t", "x")]);
    expect(topologicalOrder(graph)).toEqual(topologicalOrder(structuredClone(graph)));
    expect(topologicalOrder(graph)).toEqual(["t", "x", "y", "z"]);
  });

  it("returns null for a cycle", () => {
    expect(topologicalOrder(graphOf([trigger("t"), n("a"), n("b")], [edge("t", "a"), edge("a", "b"), edge("b", "a")]))).toBeNull();
  });

  it("ignores edges to missing nodes", () => {
    const graph = graphOf([trigger("t")], [edge("t", "ghost")]);
    expect(topologicalOrder(graph)).toEqual(["t"]);
    expect(adjacencyOf(graph).outgoing.get("t")).toEqual([]);
    expect(outgoingEdges(graph, "t")).toHaveLength(1);
    expect(incomingEdges(graph, "ghost")).toHaveLength(1);
  });

  it("finds what is reachable", () => {
    const graph = graphOf([trigger("t"), n("a"), n("b"), n("lonely")], [edge("t", "a"), edge("a", "b")]);
    expect([...reachableFrom(graph, "t")].sort()).toEqual(["a", "b", "t"]);
    expect(reachableFrom(graph, "ghost").size).toBe(0);
    expect(pathExists(graph, "t", "b")).toBe(true);
    expect(pathExists(graph, "b", "t")).toBe(false);
  });

  it("finds every node on a cycle, and only those", () => {
    const graph = graphOf(
      [trigger("t"), n("a"), n("b"), n("c"), n("self"), n("after")],
      [edge("t", "a"), edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("c", "after"), edge("self", "self")],
    );
    expect([...nodesOnCycles(graph)].sort()).toEqual(["a", "b", "c", "self"]);
    expect(nodesOnCycles(graphOf([trigger("t"), n("a")], [edge("t", "a")])).size).toBe(0);
  });

  it("copes with a long chain without deep recursion", () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => `n${i}`);
    const graph = graphOf(
      ids.map(n),
      ids.slice(1).map((id, i) => edge(ids[i], id)),
    );
    expect(nodesOnCycles(graph).size).toBe(0);
    expect(topologicalOrder(graph)).toHaveLength(5_000);
  });
});
