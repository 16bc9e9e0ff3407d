/**
 * The path a run took through its graph, as plain data for a canvas to colour: every node's
 * outcome and whether each edge was taken. Pure; shared by run detail and the editor's test runs.
 */

export type NodeOutcome = "succeeded" | "failed" | "skipped" | "waiting" | "running" | "not-reached";
export type EdgeOutcome = "taken" | "not-taken";

export type RunPath = {
  nodes: Record<string, NodeOutcome>;
  edges: Record<string, EdgeOutcome>;
};

export type RunPathGraph = {
  nodes: ReadonlyArray<{ id: string }>;
  edges: ReadonlyArray<{ id: string; source: string; target: string; sourceHandle?: string | null }>;
};

/** A recorded step (a `run_steps` row) or a node result of a test run: the node, its status, a condition's branch. */
export type RunPathStep = {
  nodeId: string;
  status: string;
  branch?: "true" | "false" | null;
};

const outcomeOfStatus: Record<string, NodeOutcome> = {
  succeeded: "succeeded",
  failed: "failed",
  skipped: "skipped",
  sleeping: "waiting",
  waiting: "waiting",
  running: "running",
};

export function runPathOf(graph: RunPathGraph, steps: ReadonlyArray<RunPathStep>): RunPath {
  const stepsByNode = new Map(steps.map((step) => [step.nodeId, step]));
  const nodes: Record<string, NodeOutcome> = {};
  for (const node of graph.nodes) {
    const step = stepsByNode.get(node.id);
    nodes[node.id] = step ? (outcomeOfStatus[step.status] ?? "not-reached") : "not-reached";
  }

  const edges: Record<string, EdgeOutcome> = {};
  for (const edge of graph.edges) {
    const source = stepsByNode.get(edge.source);
    edges[edge.id] = source && isTaken(source, edge.sourceHandle) ? "taken" : "not-taken";
  }
  return { nodes, edges };
}

/** Only a finished source decides its edges: a condition takes its branch's edges, anything else its single output. */
function isTaken(source: RunPathStep, sourceHandle: string | null | undefined): boolean {
  if (source.status !== "succeeded") return false;
  if (source.branch) return sourceHandle === source.branch;
  // React Flow leaves a node's single handle unnamed.
  return sourceHandle === "out" || sourceHandle == null;
}
