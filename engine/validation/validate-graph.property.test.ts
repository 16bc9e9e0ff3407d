import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reachableFrom, topologicalOrder } from "../graph/topology";
import { randomGraph } from "../test-support/random-graphs";
import { canConnect } from "./can-connect";
import { isPublishable, validateGraph } from "./validate-graph";

describe("validateGraph on random graphs", () => {
  it("never throws on arbitrary input, only returns errors", () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom("draft" as const, "publish" as const), (input, mode) => {
        const errors = validateGraph(input, { mode });
        expect(Array.isArray(errors)).toBe(true);
        expect(errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on graph-shaped input with broken parts", () => {
    const looseGraph = fc.record({
      version: fc.constant(1),
      nodes: fc.array(
        fc.record({
          id: fc.constantFrom("a", "b", "c", "d"),
          kind: fc.constantFrom("trigger", "condition.call_duration", "action.send_sms", "action.webhook", "nope"),
          position: fc.record({ x: fc.integer(), y: fc.integer() }),
          config: fc.anything(),
          openHandles: fc.option(fc.subarray(["true", "false"] as const), { nil: undefined }),
        }),
        { maxLength: 6 },
      ),
      edges: fc.array(
        fc.record({
          id: fc.constantFrom("e1", "e2", "e3", "e4"),
          source: fc.constantFrom("a", "b", "c", "d", "z"),
          sourceHandle: fc.constantFrom("out", "true", "false", "left"),
          target: fc.constantFrom("a", "b", "c", "d", "z"),
        }),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(looseGraph, (graph) => {
        for (const error of validateGraph(graph, { mode: "publish" })) {
          expect(typeof error.code).toBe("string");
          expect(error.message.length).toBeGreaterThan(0);
          expect(["error", "warning"]).toContain(error.severity);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("accepts only graphs that are acyclic and connected from a single trigger", () => {
    fc.assert(
      fc.property(randomGraph({ allowMess: true }), (graph) => {
        const errors = validateGraph(graph, { mode: "publish" });
        if (errors.length > 0) return;
        expect(topologicalOrder(graph)).not.toBeNull();
        const triggers = graph.nodes.filter((node) => node.kind === "trigger");
        expect(triggers).toHaveLength(1);
        const reachable = reachableFrom(graph, triggers[0].id);
        for (const node of graph.nodes) expect(reachable.has(node.id)).toBe(true);
        for (const edge of graph.edges) expect(edge.target).not.toBe(triggers[0].id);
      }),
      { numRuns: 500 },
    );
  });

  it("accepts a good share of well-formed random graphs, so the property above is not vacuous", () => {
    const samples = fc.sample(randomGraph(), { numRuns: 300, seed: 42 });
    const accepted = samples.filter((graph) => isPublishable(graph));
    expect(accepted.length).toBeGreaterThan(20);
    expect(accepted.some((graph) => graph.nodes.length > 4)).toBe(true);
  });

  it("keeps draft and publish modes consistent: the same findings, only severities differ", () => {
    fc.assert(
      fc.property(randomGraph({ allowMess: true }), (graph) => {
        const draft = validateGraph(graph, { mode: "draft" });
        const published = validateGraph(graph, { mode: "publish" });
        expect(draft.map((e) => e.code)).toEqual(published.map((e) => e.code));
        expect(published.every((e) => e.severity === "error")).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("canConnect never lets a valid graph gain a cycle", () => {
    fc.assert(
      fc.property(randomGraph(), fc.nat(), fc.nat(), fc.constantFrom("out", "true", "false"), (graph, a, b, handle) => {
        const source = graph.nodes[a % graph.nodes.length];
        const target = graph.nodes[b % graph.nodes.length];
        const verdict = canConnect(graph, { source: source.id, sourceHandle: handle, target: target.id });
        if (!verdict.ok) return;
        const extended = {
          ...graph,
          edges: [...graph.edges, { id: "new", source: source.id, sourceHandle: handle as "out", target: target.id }],
        };
        expect(topologicalOrder(extended)).not.toBeNull();
        expect(target.kind).not.toBe("trigger");
      }),
      { numRuns: 300 },
    );
  });
});
