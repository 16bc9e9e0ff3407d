import type { OrgContext, RunContext } from "../catalogue/node-definition";
import type { ActionInputs, ExecutableActionKind } from "../catalogue/registry";
import type { DelayInput } from "../catalogue/actions/delay";
import type { WorkflowNode } from "../graph/graph-schema";

/** The durable-step API the walker needs: the same shape as an Inngest `step`. */
export interface StepRunner {
  /** Runs `fn` once per id; a replay returns the recorded result instead of running it again. */
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  /** Waits, durably, as long as a delay node says (its duration string for Inngest, and in milliseconds). */
  sleep(id: string, delay: DelayInput): Promise<void>;
}

/** Side effects live server-side, behind this one method. */
export interface ActionExecutors {
  execute<K extends ExecutableActionKind>(kind: K, input: ActionInputs[K], node: WorkflowNode): Promise<unknown>;
}

export type NodeStatus = "succeeded" | "failed" | "skipped";

export interface NodeError {
  message: string;
  name: string;
  code?: string;
}

export interface NodeResult {
  status: NodeStatus;
  /** For conditions: the path taken. */
  branch?: "true" | "false";
  input?: unknown;
  output?: unknown;
  error?: NodeError;
}

export interface WorkflowRunResult {
  /** failed if any step failed; succeeded if an action ran and all reached actions succeeded; else skipped. */
  status: "succeeded" | "failed" | "skipped";
  nodes: Record<string, NodeResult>;
  /** Every node, in the order it was decided. */
  order: string[];
  /** Set when the graph itself could not be walked (it has a loop). */
  error?: NodeError;
}

export interface WorkflowPorts {
  step: StepRunner;
  actions: ActionExecutors;
  /** Calls from this number that started at or after `since`, including the current call if it is one. */
  callsFromNumberSince(phoneNumber: string, since: Date): Promise<number>;
  org: OrgContext;
  /** The run being walked, passed to actions (webhook bodies name their workflow and run). */
  run?: RunContext;
  now?(): Date;
  /**
   * Called as each node is decided, so the caller can persist it. On a replayed
   * run it is called again for nodes already recorded: persist idempotently.
   */
  onNodeFinished?(nodeId: string, result: NodeResult, node: WorkflowNode): void | Promise<void>;
  /** Errors the step runner throws to steer execution, which must pass through rather than fail a node. */
  isControlFlowError?(error: unknown): boolean;
}
