import { nodesOnCycles } from "../../graph/topology";
import type { GraphContext } from "../graph-context";
import type { RuleFinding } from "../validation-error";

/** No loops: every path moves forward. (A step joined to itself is reported as a self-loop instead.) */
export function acyclicRule(ctx: GraphContext): RuleFinding[] {
  const withoutSelfLoops = { nodes: ctx.graph.nodes, edges: ctx.graph.edges.filter((edge) => edge.source !== edge.target) };
  const onCycles = nodesOnCycles(withoutSelfLoops);
  return [...ctx.nodesById.values()]
    .filter((node) => onCycles.has(node.id))
    .map((node) => ({
      nodeId: node.id,
      code: "cycle" as const,
      message: "This step is part of a loop. A workflow must always move forward: remove one of the connections in the loop.",
    }));
}
