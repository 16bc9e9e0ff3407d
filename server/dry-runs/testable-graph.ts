import { validateGraph, workflowGraphSchema, type WorkflowGraph } from "@/engine";

export class UntestableGraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UntestableGraphError";
  }
}

/**
 * The draft as a runnable graph. Loose ends are fine for a test (they only warn while drawing);
 * a step whose settings are wrong is not, because the test would tell the user nothing new.
 */
export function testableGraph(draft: unknown): WorkflowGraph {
  const errors = validateGraph(draft, { mode: "draft" }).filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    const first = errors
      .slice(0, 3)
      .map((problem) => problem.message)
      .join(" ");
    const more = errors.length > 3 ? ` (and ${errors.length - 3} more problems)` : "";
    throw new UntestableGraphError(`Fix the workflow's problems before testing it: ${first}${more}`);
  }
  const graph = workflowGraphSchema.safeParse(draft);
  if (!graph.success) throw new UntestableGraphError("Some steps' settings are invalid; fix them before testing.");
  return graph.data;
}
