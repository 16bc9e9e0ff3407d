import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { workflowRuns, type RunStatus } from "@/db/schema";

/**
 * Every way a run's status changes, by name, with the columns each one sets. The executors (Inngest
 * and embedded), test runs and replays all take their values from here; the embedded executor's
 * step writer stages `parked` and `finished` into its next group-committed batch instead of
 * updating at once, with the same values.
 *
 *   queued ──claimed/started──▶ running ──parked──▶ waiting ──resumed/claimed──▶ running
 *   running ──finished──▶ succeeded | failed | skipped          (failed: the run could not finish)
 *   running ──releasedForRetry──▶ running, unleased (an unexpected error; the sweep claims it again)
 */
export const unfinishedRunStatuses = ["queued", "running", "waiting"] as const satisfies readonly RunStatus[];

export type FinishedRunStatus = Exclude<RunStatus, (typeof unfinishedRunStatuses)[number]>;

export const runTransitions = {
  /** A new run, waiting for an executor (fan-out without a claim, a replay). */
  queued: () => ({ status: "queued" as const }),
  /** An executor started walking the run (Inngest holds it; there is no lease). */
  started: (at: Date) => ({ status: "running" as const, startedAt: at }),
  /** Started and leased to this process until `until` (the embedded executor, a test run). */
  claimed: (at: Date, until: Date) => ({ status: "running" as const, startedAt: at, lockedUntil: until }),
  /** A delay that has not ended: the run waits until `wakeAt`, its lease released. */
  parked: (wakeAt: Date) => ({ status: "waiting" as const, wakeAt, error: null, finishedAt: null, lockedUntil: null }),
  /** A delay ended while the executor held the run (Inngest). */
  resumed: () => ({ status: "running" as const, wakeAt: null }),
  /** The walk ended: succeeded, failed or skipped, lease and wake time cleared. */
  finished: (outcome: { status: FinishedRunStatus; error: string | null; finishedAt: Date }) => ({
    status: outcome.status,
    error: outcome.error,
    finishedAt: outcome.finishedAt,
    wakeAt: null,
    lockedUntil: null,
  }),
  /** The run could not finish (retries exhausted, or a test run that crashed). */
  failed: (error: string, at: Date) => runTransitions.finished({ status: "failed", error, finishedAt: at }),
  /** An unexpected error (database down…): keep the status, release the lease so the sweep retries the run. */
  releasedForRetry: (error: string) => ({ lockedUntil: null, error }),
};

export type RunTransition = ReturnType<(typeof runTransitions)[keyof typeof runTransitions]>;

/** A run the embedded executor may pick up at `at`: unfinished and not leased (or its lease lapsed). */
export function unleasedUnfinishedRun(at: Date) {
  return and(
    inArray(workflowRuns.status, [...unfinishedRunStatuses]),
    or(isNull(workflowRuns.lockedUntil), lte(workflowRuns.lockedUntil, at)),
  );
}

/** Applies a transition now, by id; returns what the caller may need to know about the run (nothing when it is gone). */
export async function transitionRun(db: Queryable, runId: string, values: RunTransition) {
  const [run] = await db
    .update(workflowRuns)
    .set(values)
    .where(eq(workflowRuns.id, runId))
    .returning({ workflowId: workflowRuns.workflowId, organizationId: workflowRuns.organizationId, mode: workflowRuns.mode });
  return run;
}

/**
 * Claims a run for this process when it is due: unfinished, unleased and past its wake time. Only
 * one worker wins; a run already started keeps its first start time. False when the claim lost.
 */
export async function claimDueRun(db: Queryable, runId: string, at: Date, leaseMs: number): Promise<boolean> {
  const claimed = await db
    .update(workflowRuns)
    .set({
      ...runTransitions.claimed(at, new Date(at.getTime() + leaseMs)),
      startedAt: sql`coalesce(${workflowRuns.startedAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(and(eq(workflowRuns.id, runId), unleasedUnfinishedRun(at), or(isNull(workflowRuns.wakeAt), lte(workflowRuns.wakeAt, at))))
    .returning({ id: workflowRuns.id });
  return claimed.length > 0;
}
