import { checkTemplate } from "../templates/liquid";
import type { TemplateChecker } from "./template-checker";
import { validateGraphWith } from "./validate-graph-with";
import type { ValidationError } from "./validation-error";

/**
 * What stops a graph from being published: the one list the editor's Problems tab, its Publish dialog
 * and the server's publish all show. In a draft, unfinished paths are only warnings on the canvas;
 * here every problem counts.
 */
export function publishBlockersWith(graph: unknown, checker: TemplateChecker): ValidationError[] {
  return validateGraphWith(graph, { mode: "publish", checkTemplate: checker }).filter((problem) => problem.severity === "error");
}

/**
 * A draft's problems as publishing counts them: the same list, every one an error. Lets the editor,
 * which validates its draft on every change, show what blocks publishing without checking twice.
 */
export function asPublishBlockers(draftProblems: readonly ValidationError[]): ValidationError[] {
  return draftProblems.map((problem) => (problem.severity === "error" ? problem : { ...problem, severity: "error" }));
}

/** `publishBlockersWith` Liquid's own template checker (the server; the editor once liquidjs has loaded). */
export function publishBlockers(graph: unknown): ValidationError[] {
  return publishBlockersWith(graph, checkTemplate);
}
