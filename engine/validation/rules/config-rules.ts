import type { z } from "zod";
import { eventTypeInfo } from "../../events/event-types";
import type { GraphContext } from "../graph-context";
import type { RuleFinding } from "../validation-error";

// Used only where a schema has no message of its own; ours speak to marketers.
const friendlyIssue = (issue: z.core.$ZodRawIssue): string | undefined => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "This needs filling in" : "This doesn't have the right kind of value";
    case "invalid_value":
    case "invalid_union":
      return "Pick one of the options";
    case "too_small":
      return issue.origin === "array" ? `Add at least ${issue.minimum}` : `Use at least ${issue.minimum}`;
    case "too_big":
      return issue.origin === "array" ? `Use at most ${issue.maximum}` : `Use at most ${issue.maximum}`;
    case "invalid_format":
      return "This doesn't look right";
    default:
      return undefined;
  }
};

/** Each step's settings pass its schema, fit the trigger's event type, and its templates are sound. */
export function configRules(ctx: GraphContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const node of ctx.nodesById.values()) {
    const definition = ctx.definitionOf(node);
    if (!definition) continue;
    const templateFields = new Set<string>(definition.templateFields.map((field) => field.field));
    const config = node.config as Record<string, unknown> | null | undefined;

    const parsed = definition.configSchema.safeParse(node.config, { error: friendlyIssue });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join(".");
        // Over-long templates get their own, more specific error below.
        if (issue.code === "too_big" && templateFields.has(field)) continue;
        findings.push({
          nodeId: node.id,
          field: field || undefined,
          code: "invalid_config",
          message: issue.message,
        });
      }
    }

    for (const field of definition.templateFields) {
      const value = config && typeof config === "object" ? config[field.field] : undefined;
      if (typeof value !== "string") continue;
      const length = [...value].length;
      if (length > field.maxLength) {
        findings.push({
          nodeId: node.id,
          field: field.field,
          code: "template_too_long",
          message: `${field.label} is too long: ${length.toLocaleString("en-US")} characters, the limit is ${field.maxLength.toLocaleString("en-US")}.`,
        });
      }
      if (!ctx.eventType || !ctx.checkTemplate) continue;
      for (const issue of ctx.checkTemplate(value, ctx.eventType)) {
        findings.push({ nodeId: node.id, field: field.field, code: issue.code, message: `${field.label}: ${issue.message}` });
      }
    }

    if (ctx.eventType && definition.category !== "trigger" && !definition.fitsEventTypes.includes(ctx.eventType)) {
      const trigger = eventTypeInfo[ctx.eventType].label.replace(/^When/, "when");
      findings.push({
        nodeId: node.id,
        code: "node_does_not_fit_trigger",
        message: `“${definition.label}” doesn't work ${trigger}. Remove this step or change the trigger.`,
      });
    }
  }
  return findings;
}
