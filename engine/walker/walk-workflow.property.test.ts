import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleEvent } from "../events/sample-events";
import type { WorkflowGraph } from "../graph/graph-schema";
import { fakePorts } from "../test-support/fake-ports";
import { randomGraph } from "../test-support/random-graphs";
import type { WorkflowRunResult } from "./ports";
import { walkWorkflow } from "./walk-workflow";

const event = sampleEvent("call.completed"); // lasted 184 s
const walkerGraphs = randomGraph({
  kinds: ["condition.call_duration", "action.send_sms", "action.tag_call", "action.delay", "action.webhook"],
  maxNodes: 12,
});

/** Whether the edge was taken, judged only from its source's recorded result. */
function edgeTaken(result: WorkflowRunResult, edge: WorkflowGraph["edges"][number]): boolean {
  const source = result.nodes[edge.source];
  if (source.status !== "succeeded") return false;
  return source.branch === undefined ? edge.sourceHandle === "out" : edge.sourceHandle === source.branch;
}

describe("walkWorkflow on random graphs", () => {
  it("decides each node once, runs at most one step per node, and only along taken paths", async () => {
    await fc.assert(
      fc.asyncProperty(walkerGraphs, fc.array(fc.nat(12), { maxLength: 3 }), async (graph, failingIndexes) => {
        const failures = Object.fromEntries(failingIndexes.map((i) => [`n${i}`, new Error("provider down")]));
        const { ports, log } = fakePorts({ failures });
        const result = await walkWorkflow(graph, event, ports);

        expect(result.order).toHaveLength(graph.nodes.length);
        expect(new Set(result.order).size).toBe(graph.nodes.length);
        expect(new Set(log.requested).size).toBe(log.requested.length);

        for (const node of graph.nodes) {
          if (node.kind === "trigger") continue;
          const parents = graph.edges.filter((edge) => edge.target === node.id);
          const reached = parents.some((edge) => edgeTaken(result, edge));
          const outcome = result.nodes[node.id];
          // Run iff some parent path was taken; a node behind only untaken branches never runs.
          expect(outcome.status === "skipped").toBe(!reached);
          expect(log.requested.includes(node.id)).toBe(reached);
          // A parent is decided before its children.
          for (const edge of parents) expect(result.order.indexOf(edge.source)).toBeLessThan(result.order.indexOf(node.id));
        }

        const statuses = Object.values(result.nodes).map((n) => n.status);
        if (statuses.includes("failed")) expect(result.status).toBe("failed");
        else expect(["succeeded", "skipped"]).toContain(result.status);
      }),
      { numRuns: 300 },
    );
  });

  it("asks for the same steps in the same order on every replay", async () => {
    await fc.assert(
      fc.asyncProperty(walkerGraphs, async (graph) => {
        const first = fakePorts();
        const second = fakePorts();
        const a = await walkWorkflow(graph, event, first.ports);
        const b = await walkWorkflow(graph, event, second.ports);
        expect(second.log.requested).toEqual(first.log.requested);
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});
