import type { DelayInput } from "../catalogue/actions/delay";
import type { ActionInputs, ExecutableActionKind } from "../catalogue/registry";
import type { WorkflowNode } from "../graph/graph-schema";
import type { NodeResult, StepRunner, WorkflowPorts } from "../walker/ports";

export interface StepLog {
  /** Step ids in the order the walker asked for them (memoised or not). */
  requested: string[];
  /** Step ids whose function actually ran. */
  executed: string[];
  sleeps: Array<{ id: string; duration: string }>;
}

/**
 * An in-memory stand-in for Inngest's `step`: results are memoised by id across
 * runs that share `memory`, like a replayed function run.
 */
export function memoryStepRunner(memory = new Map<string, unknown>(), log: StepLog = { requested: [], executed: [], sleeps: [] }) {
  const step: StepRunner = {
    async run<T>(id: string, fn: () => Promise<T>): Promise<T> {
      log.requested.push(id);
      if (memory.has(id)) return memory.get(id) as T;
      log.executed.push(id);
      const value = await fn();
      memory.set(id, value);
      return value;
    },
    async sleep(id: string, delay: DelayInput) {
      log.requested.push(id);
      log.sleeps.push({ id, duration: delay.duration });
    },
  };
  return { step, memory, log };
}

export interface FakePortsOptions {
  /** Node ids whose action throws this error. */
  failures?: Record<string, Error>;
  callsFromNumber?: number;
  now?: Date;
  timezone?: string;
  defaultSmsNumber?: string | null;
  memory?: Map<string, unknown>;
}

export function fakePorts(options: FakePortsOptions = {}) {
  const { step, log, memory } = memoryStepRunner(options.memory);
  const executed: Array<{ kind: ExecutableActionKind; input: unknown; nodeId: string }> = [];
  const finished: Array<{ nodeId: string; result: NodeResult }> = [];
  const frequencyQueries: Array<{ phone: string; since: Date }> = [];
  const ports: WorkflowPorts = {
    step,
    actions: {
      async execute<K extends ExecutableActionKind>(kind: K, input: ActionInputs[K], node: WorkflowNode) {
        executed.push({ kind, input, nodeId: node.id });
        const failure = options.failures?.[node.id];
        if (failure) throw failure;
        return { delivered: true, nodeId: node.id };
      },
    },
    async callsFromNumberSince(phone, since) {
      frequencyQueries.push({ phone, since });
      return options.callsFromNumber ?? 0;
    },
    org: {
      id: "org_1",
      name: "Acme Dental",
      timezone: options.timezone ?? "America/Los_Angeles",
      defaultSmsNumber: options.defaultSmsNumber ?? "+14155550000",
    },
    run: { id: "run_1", workflowId: "wf_1", workflowName: "Missed calls", mode: "live" },
    now: () => options.now ?? new Date("2026-11-21T15:05:00Z"),
    onNodeFinished: (nodeId, result) => {
      finished.push({ nodeId, result });
    },
  };
  return { ports, log, memory, executed, finished, frequencyQueries };
}
