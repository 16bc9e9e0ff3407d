import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { newId } from "@/db/ids";
import { isDataException, isDatabaseUnavailable } from "@/db/sql-state";
import { runSteps, type StepAttempt } from "@/db/schema";
import type { DelayInput, NodeResult, StepRunner } from "@/engine";
import { stepLogValues, type RunRecorder } from "../execute-run";
import { runTransitions } from "../run-transitions";
import { isPermanentError, retryAfterSecondsOf } from "../permanent-error";
import { RecordedStepFailure, toStoredStepError } from "../step-error";
import { attemptFailed, attemptSucceeded, interruptInFlight, recordsAttempts, startAttempt } from "../step-attempts";
import { RunSuspended } from "./run-suspended";
import type { RunRelease, StepRow, StepWriter } from "./step-writer";

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/**
 * One run's steps as the embedded executor records them: Inngest's `step` (each result memoised
 * in run_steps, so a resumed run returns it instead of running it again; transient failures
 * retried with backoff) and the run log, kept as one row per step.
 *
 * Every try of an action is kept in the step's `attempts`, with its request and response or error.
 *
 * Writes are staged and go out together at the moments durability needs them: before every
 * attempt of an action (with the attempt in flight), after a failed attempt that will be retried
 * (with when), and when the run is released. A crash in between re-runs only work without side
 * effects, or the action that was in flight (at least once, with the same idempotency key; its
 * attempt is then marked interrupted) — as with Inngest.
 */
export function createRunJournal(options: {
  db: Database;
  writer: StepWriter;
  runId: string;
  nodeKinds: ReadonlyMap<string, string>;
  /** A run created a moment ago by this process has no steps yet: nothing to read back. */
  fresh: boolean;
  now: () => Date;
  retry?: RetryPolicy;
  wait?: (ms: number) => Promise<void>;
}) {
  const { db, writer, runId, nodeKinds, now } = options;
  const retry = options.retry ?? defaultRetryPolicy;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  // This process holds the run's lease, so nothing else writes its steps: read them once.
  let stored: Promise<Map<string, StepRow>> | undefined = options.fresh ? Promise.resolve(new Map()) : undefined;
  const steps = () =>
    (stored ??= db
      .select()
      .from(runSteps)
      .where(eq(runSteps.runId, runId))
      .then((rows) => new Map(rows.map((row) => [row.nodeId, row]))));
  const staged = new Set<string>();

  async function stage(nodeId: string, values: Partial<StepRow>) {
    const rows = await steps();
    const current = rows.get(nodeId) ?? {
      id: newId("stp"),
      runId,
      nodeId,
      nodeKind: nodeKinds.get(nodeId) ?? "unknown",
      status: "running",
      branch: null,
      input: null,
      output: null,
      error: null,
      memo: null,
      attempt: 0,
      attempts: [],
      wakeAt: null,
      startedAt: now(),
      finishedAt: null,
    };
    rows.set(nodeId, { ...current, ...values });
    staged.add(nodeId);
  }

  async function flush(release?: RunRelease) {
    const rows = await steps();
    const changed = [...staged].map((nodeId) => rows.get(nodeId)!);
    staged.clear();
    if (changed.length > 0 || release) await writer.write({ rows: changed, release });
  }

  const backoffMs = (attempt: number, error: unknown) => {
    const asked = retryAfterSecondsOf(error);
    return Math.min(retry.maxDelayMs, asked ? asked * 1000 : retry.baseDelayMs * 4 ** (attempt - 1));
  };

  const step: StepRunner = {
    async run<T>(nodeId: string, fn: () => Promise<T>): Promise<T> {
      const existing = (await steps()).get(nodeId);
      if (existing?.memo) {
        if (existing.memo.ok) return existing.memo.value as T;
        throw new RecordedStepFailure(existing.memo.error);
      }
      const nodeKind = nodeKinds.get(nodeId) ?? "unknown";
      // Conditions only read and have no attempts; running one again after a crash is harmless,
      // so they never force a write either.
      const keepsAttempts = recordsAttempts(nodeKind);
      // An attempt still in flight was cut short by a crash: it may or may not have gone out.
      let previous = keepsAttempts ? interruptInFlight(existing?.attempts ?? []) : [];
      const attemptsWith = (latest: StepAttempt) => (keepsAttempts ? { attempts: [...previous, latest] } : {});
      let attempt = existing?.attempt ?? 0;
      for (;;) {
        attempt += 1;
        const startedAt = now();
        const current = startAttempt(attempt, startedAt);
        // A step starts with its first attempt; later ones keep that start.
        const firstStart = (await steps()).has(nodeId) ? {} : { startedAt };
        await stage(nodeId, { status: "running", attempt, ...firstStart, ...attemptsWith(current) });
        // Before the side effect, write what must survive a crash during it: the results of
        // earlier actions (not repeated), the attempt count (retries stay bounded) and this
        // attempt in flight (then shown as interrupted).
        if (keepsAttempts) await flush();
        try {
          const value = await fn();
          // JSON round-trip: what a resumed run reads back must equal what this run saw.
          const result = value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
          const finishedAt = now();
          const succeeded = attemptSucceeded(current, nodeKind, result, finishedAt);
          await stage(nodeId, { status: "succeeded", memo: { ok: true, value: result }, ...attemptsWith(succeeded), finishedAt });
          return result as T;
        } catch (error) {
          // The database away is not the step's failure: no attempt is spent, the executor retries the run.
          if (isDatabaseUnavailable(error)) throw error;
          const failure = toStoredStepError(error);
          const failedAt = now();
          // A value the database refuses is refused on every try: no retry.
          if (isPermanentError(error) || isDataException(error) || attempt >= retry.maxAttempts) {
            const failed = attemptFailed(current, error, failedAt, { willRetry: false });
            await stage(nodeId, {
              status: "failed",
              memo: { ok: false, error: failure },
              error: failure,
              ...attemptsWith(failed),
              finishedAt: failedAt,
            });
            throw error;
          }
          const delay = backoffMs(attempt, error);
          const failed = attemptFailed(current, error, failedAt, { willRetry: true, retryAt: new Date(failedAt.getTime() + delay) });
          await stage(nodeId, { error: failure, ...attemptsWith(failed) });
          // On the record while the run waits, so its page can say when the next attempt is due.
          if (keepsAttempts) await flush();
          previous = [...previous, failed];
          await wait(delay);
        }
      }
    },

    async sleep(nodeId: string, delay: DelayInput): Promise<void> {
      const existing = (await steps()).get(nodeId);
      if (existing?.memo) return;
      const wakeAt = existing?.wakeAt ?? new Date(now().getTime() + delay.milliseconds);
      if (!existing) await stage(nodeId, { status: "sleeping", wakeAt, startedAt: now() });
      if (wakeAt.getTime() <= now().getTime()) {
        await stage(nodeId, { status: "succeeded", memo: { ok: true, value: null }, finishedAt: now() });
        return;
      }
      throw new RunSuspended(wakeAt);
    },
  };

  const recorder: RunRecorder = {
    // A step's finish time is when its work finished (or its delay ended), and a resumed run reporting
    // an earlier node again leaves it as it was.
    recordNode: async (nodeId: string, result: NodeResult, at: Date) =>
      stage(nodeId, stepLogValues(result, (await steps()).get(nodeId)?.finishedAt ?? at)),
    finishRun: (outcome) => flush({ runId, ...runTransitions.finished(outcome) }),
  };

  return {
    step,
    recorder,
    /** Parks the run until `wakeAt`, with every staged step. */
    suspend: (wakeAt: Date) => flush({ runId, ...runTransitions.parked(wakeAt) }),
    /** Writes what is staged (kept even when the run then fails unexpectedly). */
    flush: () => flush(),
  };
}
