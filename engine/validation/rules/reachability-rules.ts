import { reachableFrom } from "../../graph/topology";
import type { GraphContext } from "../graph-context";
import type { RuleFinding } from "../validation-error";

/** The trigger leads somewhere, and every step can be reached from it. */
export function reachabilityRules(ctx: GraphContext): RuleFinding[] {
  const trigger = ctx.triggers[0];
  if (!trigger) return [];
  const findings: RuleFinding[] = [];
  if ((ctx.adjacency.outgoing.get(trigger.id) ?? []).length === 0) {
    findings.push({
      nodeId: trigger.id,
      code: "trigger_not_connected",
      message: "Add a step after the trigger: right now this workflow does nothing.",
    });
  }
  const reachable = reachableFrom(ctx.graph, trigger.id);
  for (const node of ctx.nodesById.values()) {
    if (node.kind === "trigger" || reachable.has(node.id)) continue;
    const hasParents = (ctx.adjacency.incoming.get(node.id) ?? []).some((edge) => edge.source !== node.id);
    if (!hasParents && ctx.definitionOf(node)?.category === "action") {
      findings.push({
        nodeId: node.id,
        code: "action_without_upstream",
        message: "This action has nothing before it. Connect it after the trigger or a condition.",
      });
    } else {
      findings.push({
        nodeId: node.id,
        code: "unreachable_node",
        message: "This step can't be reached from the trigger. Connect it to the rest of the workflow, or delete it.",
      });
    }
  }
  return findings;
}
