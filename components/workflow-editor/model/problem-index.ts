import { asPublishBlockers, getNodeDefinition, type ValidationError } from "@/engine";

/** Problems grouped so each node and connection finds its own in constant time. */
export interface ProblemIndex {
  all: ValidationError[];
  byNode: ReadonlyMap<string, ValidationError[]>;
  edgeIds: ReadonlySet<string>;
  errorCount: number;
  warningCount: number;
  /** What stops publishing: the engine's list the server refuses with too (unfinished paths included). */
  blocking: ValidationError[];
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
    blocking: asPublishBlockers(problems),
  };
}

/** The message shown for a settings field: the first problem naming it (or a line of it: "Line 2: …"). */
export function problemForField(problems: readonly ValidationError[] | undefined, field: string): string | undefined {
  const problem = problems?.find((candidate) => candidate.field === field || candidate.field?.startsWith(`${field}.`));
  if (!problem) return undefined;
  const line = problem.field === field ? null : /^\d+$/.exec(problem.field!.slice(field.length + 1))?.[0];
  return line !== null && line !== undefined && !problem.message.includes("“")
    ? `Line ${Number(line) + 1}: ${problem.message}`
    : problem.message;
}

/** A step's name as its card on the canvas shows it: its own label, or its kind's ("Text the caller"). */
export function stepTitle(node: { data: { label?: string; kind: string } } | undefined): string | null {
  if (!node) return null;
  return node.data.label ?? getNodeDefinition(node.data.kind)?.label ?? "Unknown step";
}
