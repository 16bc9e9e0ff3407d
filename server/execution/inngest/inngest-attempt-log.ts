import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { runSteps, type StepAttempt } from "@/db/schema";
import { isPermanentError, retryAfterSecondsOf } from "../permanent-error";
import { attemptFailed, attemptSucceeded, interruptedAttempt, recordsAttempts, startAttempt } from "../step-attempts";

/**
 * The attempts of a run's actions when Inngest runs it. Each try is appended to its step's row
 * as it starts, in one atomic statement (the row is created if needed, and a try a stopped worker
 * left in flight is marked interrupted), then replaced by its outcome. Inngest decides when to
 * retry: a failed try says when the next is due only when the provider asked for a wait (Retry-After,
 * which run-workflow hands Inngest as a RetryAfterError); Inngest's own backoff is decided by the
 * Inngest server and not known to the SDK, so that retryAt stays null.
 */
export function createInngestAttemptLog(options: {
  db: Database;
  runId: string;
  nodeKinds: ReadonlyMap<string, string>;
  /** Inngest's zero-based attempt at the step now running, out of `maxAttempts`. */
  inngestAttempt: number;
  maxAttempts: number;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
}) {
  const { db, runId, nodeKinds, inngestAttempt, maxAttempts } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string, error: unknown) => console.error(`[inngest] ${message}`, error));
  const thisStep = (nodeId: string) => and(eq(runSteps.runId, runId), eq(runSteps.nodeId, nodeId));

  async function start(nodeId: string, nodeKind: string): Promise<StepAttempt> {
    const at = now();
    const first = startAttempt(1, at);
    const next = sql`jsonb_array_length(run_steps.attempts) + 1`;
    const [row] = await db
      .insert(runSteps)
      .values({ runId, nodeId, nodeKind, status: "running", attempt: 1, attempts: [first], startedAt: at })
      .onConflictDoUpdate({
        target: [runSteps.runId, runSteps.nodeId],
        set: {
          status: "running",
          attempt: next,
          attempts: sql`(
            select coalesce(jsonb_agg(case when a->>'outcome' = 'in_flight' then a || ${JSON.stringify(interruptedAttempt)}::jsonb else a end order by i), '[]'::jsonb)
            from jsonb_array_elements(run_steps.attempts) with ordinality as previous(a, i)
          ) || jsonb_build_array(${JSON.stringify(first)}::jsonb || jsonb_build_object('attempt', ${next}))`,
        },
      })
      .returning({ attempt: runSteps.attempt });
    return startAttempt(row!.attempt, at);
  }

  async function settle(nodeId: string, attempt: StepAttempt) {
    // The step's outcome matters more than its log: a record that cannot be written must not turn
    // a delivered action into a retried one.
    await db
      .update(runSteps)
      .set({
        attempts: sql`(
          select coalesce(jsonb_agg(case when (a->>'attempt')::int = ${attempt.attempt} then ${JSON.stringify(attempt)}::jsonb else a end order by i), '[]'::jsonb)
          from jsonb_array_elements(run_steps.attempts) with ordinality as recorded(a, i)
        )`,
      })
      .where(thisStep(nodeId))
      .catch((error: unknown) => log(`could not record attempt ${attempt.attempt} of step ${nodeId} in run ${runId}`, error));
  }

  return {
    /** Runs one try of a step's work, on the record when the step is an action. */
    async attempt<T>(nodeId: string, work: () => Promise<T>): Promise<T> {
      const nodeKind = nodeKinds.get(nodeId) ?? "unknown";
      if (!recordsAttempts(nodeKind)) return work();
      const started = await start(nodeId, nodeKind);
      try {
        const value = await work();
        await settle(nodeId, attemptSucceeded(started, nodeKind, value, now()));
        return value;
      } catch (error) {
        const willRetry = !isPermanentError(error) && inngestAttempt + 1 < maxAttempts;
        const failedAt = now();
        const askedSeconds = retryAfterSecondsOf(error);
        const retryAt = askedSeconds ? new Date(failedAt.getTime() + askedSeconds * 1000) : null;
        await settle(nodeId, attemptFailed(started, error, failedAt, willRetry ? { willRetry, retryAt } : { willRetry }));
        throw error;
      }
    },
  };
}
