import { draftGraphSchema } from "../graph/graph-schema";
import { buildGraphContext, type GraphContext } from "./graph-context";
import { acyclicRule } from "./rules/acyclic-rule";
import { configRules } from "./rules/config-rules";
import { limitRules } from "./rules/limit-rules";
import { openBranchesRule } from "./rules/open-branches-rule";
import { reachabilityRules } from "./rules/reachability-rules";
import { structureRules } from "./rules/structure-rules";
import { triggerRules } from "./rules/trigger-rules";
import type { TemplateChecker } from "./template-checker";
import type { RuleFinding, ValidationCode, ValidationError } from "./validation-error";

export type ValidationMode = "draft" | "publish";

const rules: Array<(ctx: GraphContext) => RuleFinding[]> = [
  structureRules,
  triggerRules,
  acyclicRule,
  reachabilityRules,
  openBranchesRule,
  configRules,
  limitRules,
];

// A draft is work in progress: loose ends are expected while drawing, so they only warn.
const unfinishedWorkCodes = new Set<ValidationCode>([
  "trigger_not_connected",
  "unreachable_node",
  "action_without_upstream",
  "branch_not_connected",
]);

/**
 * `validateGraph` with the template checker passed in, so this module does not import liquidjs.
 * Never throws: anything unreadable comes back as an `invalid_graph` error.
 */
export function validateGraphWith(graph: unknown, options: { mode: ValidationMode; checkTemplate: TemplateChecker }): ValidationError[] {
  const parsed = draftGraphSchema.safeParse(graph);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` (at ${first.path.join(".")})` : "";
    return [
      {
        code: "invalid_graph",
        message: `This workflow could not be read${where}. Reload the editor; if it persists, start from a copy.`,
        severity: "error",
      },
    ];
  }
  try {
    const ctx = buildGraphContext(parsed.data, options.checkTemplate);
    return rules.flatMap((rule) =>
      rule(ctx).map((finding): ValidationError => ({
        ...finding,
        severity: options.mode === "draft" && unfinishedWorkCodes.has(finding.code) ? "warning" : "error",
      })),
    );
  } catch (error) {
    return [
      {
        code: "internal_error",
        message: `This workflow could not be checked: ${error instanceof Error ? error.message : String(error)}`,
        severity: "error",
      },
    ];
  }
}
