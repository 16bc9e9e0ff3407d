import type { GraphContext } from "../graph-context";
import type { RuleFinding } from "../validation-error";

/** Exactly one trigger, and nothing leads into it. */
export function triggerRules(ctx: GraphContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (ctx.triggers.length === 0) {
    findings.push({ code: "missing_trigger", message: "Add a trigger: it decides what starts this workflow." });
  }
  for (const extra of ctx.triggers.slice(1)) {
    findings.push({
      nodeId: extra.id,
      code: "multiple_triggers",
      message: "A workflow has exactly one trigger. Delete this one, or make a separate workflow for it.",
    });
  }
  for (const edge of ctx.graph.edges) {
    if (ctx.nodesById.get(edge.target)?.kind === "trigger") {
      findings.push({
        edgeId: edge.id,
        nodeId: edge.target,
        code: "edge_into_trigger",
        message: "Nothing can lead into the trigger: it is where the workflow starts. Delete this connection.",
      });
    }
  }
  return findings;
}
