import { checkTemplate } from "../templates/liquid";
import { validateGraphWith, type ValidationMode } from "./validate-graph-with";
import type { ValidationError } from "./validation-error";

export type { ValidationMode };

export interface ValidateOptions {
  mode: ValidationMode;
}

/**
 * Every problem with a graph, each naming its step or connection, templates included. Never throws:
 * anything unreadable comes back as an `invalid_graph` error.
 */
export function validateGraph(graph: unknown, options: ValidateOptions = { mode: "publish" }): ValidationError[] {
  return validateGraphWith(graph, { mode: options.mode, checkTemplate });
}

/** Whether the graph may be published or enabled: no errors in publish mode. */
export function isPublishable(graph: unknown): boolean {
  return validateGraph(graph, { mode: "publish" }).every((error) => error.severity !== "error");
}

export function errorsForNode(errors: readonly ValidationError[], nodeId: string): ValidationError[] {
  return errors.filter((error) => error.nodeId === nodeId);
}
