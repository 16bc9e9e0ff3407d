import { and, count, eq, gte, inArray, notInArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { calls, runSteps, type StepStatus } from "@/db/schema";
import { walkWorkflow, type NodeResult, type StepRunner, type WorkflowNode, type WorkflowRunResult } from "@/engine";
import { actionExecutorsFor } from "./action-executors";
import type { ExecutionProviders } from "./execution-providers";
import type { LoadedRun } from "./load-run";
import { runTransitions, transitionRun } from "./run-transitions";

export type ExecutionDeps = {
  db: Database;
  providers: ExecutionProviders;
  encryptionKey: Buffer;
  now?: () => Date;
  /** Called once a live run has failed for good (alerts the workflow's owners). */
  onRunFailed?: (run: { runId: string; workflowId: string; organizationId: string; error: string | null }) => Promise<void>;
};

/** Where a run's log goes: each decided node (a resumed run reports finished nodes again: keep the first report), then the outcome. */
export type RunRecorder = {
  recordNode(nodeId: string, result: NodeResult, at: Date, node: WorkflowNode): Promise<void>;
  finishRun(outcome: { status: WorkflowRunResult["status"]; error: string | null; finishedAt: Date }): Promise<void>;
};

/** A decided node as its run_steps columns. */
export function stepLogValues(result: NodeResult, at: Date) {
  return {
    status: result.status,
    branch: result.branch ?? null,
    input: result.input ?? null,
    output: result.output ?? null,
    error: result.error ?? null,
    finishedAt: at,
  };
}

/** Statuses of a node the run log has decided: its row is history from then on. */
export const decidedStepStatuses: StepStatus[] = ["succeeded", "failed", "skipped"];

/**
 * Writes straight to the database, statement by statement (Inngest runs and test runs). Each node is
 * written once: Inngest re-runs the handler from the top for every step, reporting every node decided
 * so far again, and a decided node's row is history, never rewritten. A row not yet decided may hold
 * what the step recorded itself (an action's attempts, a parked delay's wake time, the outcome and its
 * finish time, written inside Inngest's step): that finish time is kept, being when the step really
 * finished rather than when Inngest next called. The nodes already decided are read once per
 * invocation, so a replay costs one query, not one write per node.
 */
function directRecorder(db: Database, runId: string): RunRecorder {
  let decidedBefore: Promise<Set<string>> | undefined;
  return {
    async recordNode(nodeId, result, at, node) {
      decidedBefore ??= db
        .select({ nodeId: runSteps.nodeId })
        .from(runSteps)
        .where(and(eq(runSteps.runId, runId), inArray(runSteps.status, decidedStepStatuses)))
        .then((rows) => new Set(rows.map((row) => row.nodeId)));
      if ((await decidedBefore).has(nodeId)) return;
      const values = stepLogValues(result, at);
      await db
        .insert(runSteps)
        .values({ runId, nodeId, nodeKind: node.kind, startedAt: at, ...values })
        .onConflictDoUpdate({
          target: [runSteps.runId, runSteps.nodeId],
          set: { ...values, finishedAt: sql`coalesce(${runSteps.finishedAt}, excluded.finished_at)` },
          setWhere: notInArray(runSteps.status, decidedStepStatuses),
        });
    },
    async finishRun(outcome) {
      await transitionRun(db, runId, runTransitions.finished(outcome));
    },
  };
}

function summarizeFailure(result: WorkflowRunResult): string | null {
  if (result.error) return result.error.message;
  const failed = Object.values(result.nodes).filter((node) => node.status === "failed");
  if (failed.length === 0) return null;
  return failed.map((node) => node.error?.message ?? "A step failed").join("; ");
}

/**
 * Walks one run with the engine and records every node as it is decided. The step runner is
 * Inngest's `step` or the embedded executor's durable equivalent; this code is the same for both.
 */
export async function executeRun(
  deps: ExecutionDeps,
  loaded: LoadedRun,
  step: StepRunner,
  options: {
    isControlFlowError?: (error: unknown) => boolean;
    /** A test run the user asked to send for real: its actions have live side effects. */
    sendForReal?: boolean;
    recorder?: RunRecorder;
  } = {},
): Promise<WorkflowRunResult> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const { run, organization } = loaded;
  const recorder = options.recorder ?? directRecorder(db, run.id);
  const actions = actionExecutorsFor(deps, loaded, { live: run.mode === "live" || options.sendForReal === true });

  const result = await walkWorkflow(loaded.graph, loaded.event, {
    step,
    actions,
    org: { id: organization.id, name: organization.name, timezone: organization.timezone },
    run: { id: run.id, workflowId: run.workflowId, workflowName: loaded.workflowName, mode: run.mode },
    now,
    async callsFromNumberSince(phoneNumber, since) {
      const [row] = await db
        .select({ total: count() })
        .from(calls)
        .where(and(eq(calls.organizationId, organization.id), eq(calls.callerNumber, phoneNumber), gte(calls.startedAt, since)));
      return row?.total ?? 0;
    },
    onNodeFinished: (nodeId, nodeResult, node) => recorder.recordNode(nodeId, nodeResult, now(), node),
    isControlFlowError: options.isControlFlowError,
  });

  const error = summarizeFailure(result);
  await recorder.finishRun({ status: result.status, error, finishedAt: now() });
  if (result.status === "failed" && run.mode === "live" && deps.onRunFailed) {
    // An alert that cannot be sent must not turn a recorded run into a retried one.
    await deps
      .onRunFailed({ runId: run.id, workflowId: run.workflowId, organizationId: organization.id, error })
      .catch((alertError: unknown) => {
        console.error(`[executor] could not send the failure alert for run ${run.id}`, alertError);
      });
  }
  return result;
}
