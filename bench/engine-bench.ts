import { walkWorkflow, sampleEventWith, validateGraph, type WorkflowGraph, type WorkflowNode } from "@/engine";
import { medianMicros } from "./bench-utils";

export type EngineRow = { nodes: number; validateMicros: number; walkMicros: number };

/** trigger → (condition → action) × n, a long chain that exercises every node. */
function generatedGraph(size: number): WorkflowGraph {
  const nodes: WorkflowNode[] = [
    { id: "n0", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.completed", trackingNumbers: [] } } as WorkflowNode,
  ];
  const edges: WorkflowGraph["edges"] = [];
  for (let i = 1; i < size; i++) {
    const isCondition = i % 2 === 1;
    nodes.push(
      (isCondition
        ? {
            id: `n${i}`,
            kind: "condition.call_duration",
            position: { x: 0, y: i * 140 },
            config: { operator: "gte", seconds: 0, unit: "seconds" },
            openHandles: ["false"],
          }
        : { id: `n${i}`, kind: "action.tag_call", position: { x: 0, y: i * 140 }, config: { tags: [`t${i}`] } }) as WorkflowNode,
    );
    const previousIsCondition = (i - 1) % 2 === 1;
    edges.push({ id: `e${i}`, source: `n${i - 1}`, sourceHandle: previousIsCondition ? "true" : "out", target: `n${i}` });
  }
  return { version: 1, nodes, edges };
}

export async function benchEngine(sizes: number[]): Promise<EngineRow[]> {
  const event = sampleEventWith("call.completed", (draft) => {
    draft.call.duration_seconds = 30;
  });
  const ports = {
    step: { run: <T>(_id: string, fn: () => Promise<T>) => fn(), sleep: async () => {} },
    actions: { execute: async () => ({ ok: true }) },
    callsFromNumberSince: async () => 1,
    org: { id: "org_bench", name: "Bench", timezone: "America/New_York" },
  };
  const rows: EngineRow[] = [];
  for (const size of sizes) {
    const graph = generatedGraph(size);
    const iterations = size >= 500 ? 30 : 100;
    const validate: number[] = [];
    const walk: number[] = [];
    for (let i = 0; i < iterations + 5; i++) {
      let started = performance.now();
      validateGraph(graph, { mode: "publish" });
      const validated = performance.now() - started;
      started = performance.now();
      await walkWorkflow(graph, event, ports);
      const walked = performance.now() - started;
      if (i >= 5) {
        validate.push(validated);
        walk.push(walked);
      }
    }
    rows.push({ nodes: size, validateMicros: medianMicros(validate), walkMicros: medianMicros(walk) });
  }
  return rows;
}
