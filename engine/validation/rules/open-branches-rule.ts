import type { GraphContext } from "../graph-context";
import type { RuleFinding } from "../validation-error";

/** Each Yes/No path of a condition leads somewhere, or is marked as deliberately left open. */
export function openBranchesRule(ctx: GraphContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const node of ctx.nodesById.values()) {
    const definition = ctx.definitionOf(node);
    if (definition?.category !== "condition") continue;
    const connected = new Set((ctx.adjacency.outgoing.get(node.id) ?? []).map((edge) => edge.sourceHandle));
    for (const output of definition.outputs) {
      if (connected.has(output.id) || node.openHandles?.includes(output.id as "true" | "false")) continue;
      findings.push({
        nodeId: node.id,
        handle: output.id,
        code: "branch_not_connected",
        message: `Connect this condition's ‘${output.label}’ path or leave it open on purpose.`,
      });
    }
  }
  return findings;
}
