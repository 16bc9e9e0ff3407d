import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { runSteps } from "@/db/schema";
import { decidedStepStatuses } from "../execute-run";
import { toStoredStepError, type StoredStepError } from "../step-error";
import { recordsAttempts } from "../step-attempts";

/** A durable step's outcome as the run journal keeps it: what a later walk returns instead of running it again. */
export type RecordedOutcome = { ok: true; value: unknown } | { ok: false; error: StoredStepError };

/**
 * The run_steps side of a durable step when Inngest runs it, written from inside the step itself:
 * its outcome (memo, finish time, tries) the moment it is known, and a delay's row while it is
 * parked. Inngest calls the function again only later, so writing here keeps the real finish time,
 * and the memo lets any later Inngest run of the same workflow run (a takeover after a stall) reuse
 * the outcome instead of running the step again, as the embedded run journal does.
 *
 * The run log (execute-run.ts) then fills in the node's status, branch, input and output.
 */
export function createInngestStepJournal(options: {
  db: Database;
  runId: string;
  nodeKinds: ReadonlyMap<string, string>;
  /** Inngest's zero-based attempt at the step now running. */
  inngestAttempt: number;
  now: () => Date;
  log?: (message: string, error: unknown) => void;
}) {
  const { db, runId, nodeKinds, inngestAttempt, now } = options;
  const log = options.log ?? ((message: string, error: unknown) => console.error(`[inngest] ${message}`, error));
  const thisStep = (nodeId: string) => and(eq(runSteps.runId, runId), eq(runSteps.nodeId, nodeId));
  const kindOf = (nodeId: string) => nodeKinds.get(nodeId) ?? "unknown";

  async function row(nodeId: string) {
    const [found] = await db
      .select({ memo: runSteps.memo, status: runSteps.status, wakeAt: runSteps.wakeAt })
      .from(runSteps)
      .where(thisStep(nodeId));
    return found;
  }

  async function settle(nodeId: string, startedAt: Date, memo: RecordedOutcome) {
    const nodeKind = kindOf(nodeId);
    const finishedAt = now();
    // run_steps.attempt counts the tries of a durable step, conditions included; an action's attempt
    // log has counted its own already (interrupted tries among them).
    const tries = inngestAttempt + 1;
    const values = { memo, finishedAt, ...(memo.ok ? {} : { error: memo.error }) };
    // The outcome matters more than its record: a record that cannot be written must not turn a
    // delivered action into a retried one.
    await db
      .insert(runSteps)
      .values({ runId, nodeId, nodeKind, status: "running", attempt: tries, startedAt, ...values })
      .onConflictDoUpdate({
        target: [runSteps.runId, runSteps.nodeId],
        set: recordsAttempts(nodeKind)
          ? // An action finished with its last attempt, as the attempt log recorded it.
            {
              ...values,
              finishedAt: sql`coalesce((${runSteps.attempts} -> -1 ->> 'finishedAt')::timestamptz, ${finishedAt.toISOString()}::timestamptz)`,
            }
          : { ...values, attempt: tries },
        setWhere: sql`${runSteps.memo} is null`,
      })
      .catch((error: unknown) => log(`could not record the outcome of step ${nodeId} in run ${runId}`, error));
  }

  return {
    /** What an earlier Inngest run of this workflow run recorded for the step, if it finished it. */
    async recorded(nodeId: string): Promise<RecordedOutcome | null> {
      return ((await row(nodeId))?.memo as RecordedOutcome | null | undefined) ?? null;
    },
    succeeded(nodeId: string, startedAt: Date, value: unknown) {
      return settle(nodeId, startedAt, { ok: true, value: value === undefined ? null : value });
    },
    /** A failure that ends the step: permanent, or Inngest's last attempt. */
    failed(nodeId: string, startedAt: Date, error: unknown) {
      const { message, name, code } = toStoredStepError(error);
      return settle(nodeId, startedAt, { ok: false, error: { message, name, ...(code !== undefined ? { code } : {}) } });
    },
    /**
     * Shows a delay's step as sleeping until its wake time, and returns that time: the one an
     * earlier Inngest run parked it with, if any, or null when the delay is already over.
     */
    async park(nodeId: string, wakeAt: Date): Promise<Date | null> {
      const existing = await row(nodeId);
      if (existing?.memo || (existing && decidedStepStatuses.includes(existing.status))) return null;
      if (existing?.wakeAt) return existing.wakeAt;
      await db
        .insert(runSteps)
        .values({ runId, nodeId, nodeKind: kindOf(nodeId), status: "sleeping", wakeAt, startedAt: now() })
        .onConflictDoNothing();
      return (await row(nodeId))?.wakeAt ?? wakeAt;
    },
    /** The delay is over: a later walk passes it by. */
    async wokeUp(nodeId: string) {
      await db
        .update(runSteps)
        .set({ memo: { ok: true, value: null } })
        .where(and(thisStep(nodeId), sql`${runSteps.memo} is null`));
    },
  };
}

export type InngestStepJournal = ReturnType<typeof createInngestStepJournal>;
