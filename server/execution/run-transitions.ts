import { and, eq, gt, inArray, isNull, lte, not, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { executors, workflowRuns, type RunStatus } from "@/db/schema";

/**
 * Every way a run's status changes, by name, with the columns each one sets. The executors (Inngest
 * and embedded), test runs and replays all take their values from here; the embedded executor's
 * step writer stages `parked` and `finished` into its next group-committed batch instead of
 * updating at once, with the same values.
 *
 *   queued ──claimed/started──▶ running ──parked──▶ waiting ──resumed/claimed──▶ running
 *   running ──finished──▶ succeeded | failed | skipped          (failed: the run could not finish)
 *   running ──releasedForRetry──▶ running, unheld (an unexpected error; the sweep claims it again)
 *
 * Who may work on an unfinished run: nobody holds it, or its holder stopped. An embedded executor
 * holds its runs by id (locked_by) and proves it is alive by beating in `executors`; a test run
 * holds a plain lease (locked_until). See availableRun.
 */
export const unfinishedRunStatuses = ["queued", "running", "waiting"] as const satisfies readonly RunStatus[];

export type FinishedRunStatus = Exclude<RunStatus, (typeof unfinishedRunStatuses)[number]>;

export const runTransitions = {
  /** A new run, waiting for an executor (fan-out without a claim, a replay). */
  queued: () => ({ status: "queued" as const }),
  /** An executor started walking the run (Inngest holds it; there is no lease). */
  started: (at: Date) => ({ status: "running" as const, startedAt: at }),
  /** Started and held by an embedded executor process for as long as its heartbeat lasts. */
  claimed: (at: Date, executorId: string) => ({ status: "running" as const, startedAt: at, lockedBy: executorId, lockedUntil: null }),
  /** Started and leased until `until`, with no heartbeat behind it (a test run, walked in its request). */
  leased: (at: Date, until: Date) => ({ status: "running" as const, startedAt: at, lockedUntil: until }),
  /** A delay that has not ended: the run waits until `wakeAt`, its hold released. */
  parked: (wakeAt: Date) => ({
    status: "waiting" as const,
    wakeAt,
    error: null,
    finishedAt: null,
    lockedUntil: null,
    lockedBy: null,
  }),
  /** A delay ended while the executor held the run (Inngest). */
  resumed: () => ({ status: "running" as const, wakeAt: null }),
  /** The walk ended: succeeded, failed or skipped, lease and wake time cleared. */
  finished: (outcome: { status: FinishedRunStatus; error: string | null; finishedAt: Date }) => ({
    status: outcome.status,
    error: outcome.error,
    finishedAt: outcome.finishedAt,
    wakeAt: null,
    lockedUntil: null,
    lockedBy: null,
  }),
  /** The run could not finish (retries exhausted, or a test run that crashed). */
  failed: (error: string, at: Date) => runTransitions.finished({ status: "failed", error, finishedAt: at }),
  /** An unexpected error (database down…): keep the status, release the hold so the sweep retries the run. */
  releasedForRetry: (error: string) => ({ lockedUntil: null, lockedBy: null, error }),
};

export type RunTransition = ReturnType<(typeof runTransitions)[keyof typeof runTransitions]>;

/**
 * How long an executor may go without a heartbeat before its runs are taken over. Beats come
 * every couple of seconds; a process that stopped beating for this long has crashed or lost the database.
 */
export const executorHeartbeatTtlMs = 10_000;

/** An executor that beat within the TTL before `at`. */
export function liveExecutor(executorId: typeof workflowRuns.lockedBy, at: Date, ttlMs = executorHeartbeatTtlMs) {
  return sql`exists (select 1 from ${executors} where ${executors.id} = ${executorId} and ${gt(executors.heartbeatAt, new Date(at.getTime() - ttlMs))})`;
}

/**
 * A run nobody works on at `at`: unfinished, no unexpired lease, and no holder — or, with
 * `takeover`, a holder whose heartbeat stopped.
 */
export function availableRun(at: Date, { takeover = true, ttlMs = executorHeartbeatTtlMs }: { takeover?: boolean; ttlMs?: number } = {}) {
  return and(
    inArray(workflowRuns.status, [...unfinishedRunStatuses]),
    or(isNull(workflowRuns.lockedUntil), lte(workflowRuns.lockedUntil, at)),
    takeover ? or(isNull(workflowRuns.lockedBy), not(liveExecutor(workflowRuns.lockedBy, at, ttlMs))) : isNull(workflowRuns.lockedBy),
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
 * Claims a run for executor `self` when it is due: available (see availableRun) or already its own,
 * and past its wake time. Only one worker wins; a run already started keeps its first start time.
 * False when the claim lost.
 */
export async function claimDueRun(
  db: Queryable,
  runId: string,
  at: Date,
  self: string,
  options: { takeover?: boolean; ttlMs?: number } = {},
): Promise<boolean> {
  const claimed = await db
    .update(workflowRuns)
    .set({
      ...runTransitions.claimed(at, self),
      startedAt: sql`coalesce(${workflowRuns.startedAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(
      and(
        eq(workflowRuns.id, runId),
        or(availableRun(at, options), and(eq(workflowRuns.lockedBy, self), inArray(workflowRuns.status, [...unfinishedRunStatuses]))),
        or(isNull(workflowRuns.wakeAt), lte(workflowRuns.wakeAt, at)),
      ),
    )
    .returning({ id: workflowRuns.id });
  return claimed.length > 0;
}
