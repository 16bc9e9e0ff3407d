import type { ValidationError } from "@/engine";

/** Problems grouped so each node and connection finds its own in constant time. */
export interface ProblemIndex {
  all: ValidationError[];
  byNode: ReadonlyMap<string, ValidationError[]>;
  edgeIds: ReadonlySet<string>;
  errorCount: number;
  warningCount: number;
}

export function indexProblems(problems: ValidationError[]): ProblemIndex {
  const byNode = new Map<string, ValidationError[]>();
  const edgeIds = new Set<string>();
  for (const problem of problems) {
    if (problem.nodeId) byNode.set(problem.nodeId, [...(byNode.get(problem.nodeId) ?? []), problem]);
    if (problem.edgeId) edgeIds.add(problem.edgeId);
  }
  return {
    all: problems,
    byNode,
    edgeIds,
    errorCount: problems.filter((problem) => problem.severity === "error").length,
    warningCount: problems.filter((problem) => problem.severity === "warning").length,
  };
}

/** The message shown for a settings field: the first problem naming it (or a field inside it). */
export function problemForField(problems: readonly ValidationError[] | undefined, field: string): string | undefined {
  return problems?.find((problem) => problem.field === field || problem.field?.startsWith(`${field}.`))?.message;
}
