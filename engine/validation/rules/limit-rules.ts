import { maxNodes } from "../../graph/graph-schema";
import type { GraphContext } from "../graph-context";
import type { RuleFinding } from "../validation-error";

export const maxWebhookNodes = 10;

export function limitRules(ctx: GraphContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (ctx.graph.nodes.length > maxNodes) {
    findings.push({
      code: "too_many_nodes",
      message: `A workflow can have at most ${maxNodes} steps; this one has ${ctx.graph.nodes.length}. Split it into several workflows.`,
    });
  }
  const webhooks = ctx.graph.nodes.filter((node) => node.kind === "action.webhook");
  for (const extra of webhooks.slice(maxWebhookNodes)) {
    findings.push({
      nodeId: extra.id,
      code: "too_many_webhooks",
      message: `A workflow can have at most ${maxWebhookNodes} webhook steps. Send to several addresses from one step instead.`,
    });
  }
  return findings;
}
