import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { runSteps } from "@/db/schema";
import type { StepRunner } from "@/engine";
import { durationToMs } from "../durations";
import { isPermanentError, retryAfterSecondsOf } from "../permanent-error";
import { RecordedStepFailure, toStoredStepError } from "../step-error";
import { RunSuspended } from "./run-suspended";

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/**
 * The embedded executor's version of Inngest's `step`: each step's result is memoised in
 * run_steps, so a resumed run (after a crash or a delay) returns it instead of running it again.
 * Transient failures are retried with exponential backoff; permanent ones fail at once.
 */
export function createDurableStepRunner(options: {
  db: Database;
  runId: string;
  nodeKinds: ReadonlyMap<string, string>;
  now: () => Date;
  retry?: RetryPolicy;
  wait?: (ms: number) => Promise<void>;
}): StepRunner {
  const { db, runId, nodeKinds, now } = options;
  const retry = options.retry ?? defaultRetryPolicy;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  type StoredStep = { memo: (typeof runSteps.$inferSelect)["memo"]; attempt: number; wakeAt: Date | null };
  // One read of every step of the run, the first time a step asks: this process holds the run's
  // lease, so nothing else writes its steps meanwhile. Each step reads its own row from here.
  let storedSteps: Promise<Map<string, StoredStep>> | undefined;
  const load = async (nodeId: string) => {
    storedSteps ??= db
      .select({ nodeId: runSteps.nodeId, memo: runSteps.memo, attempt: runSteps.attempt, wakeAt: runSteps.wakeAt })
      .from(runSteps)
      .where(eq(runSteps.runId, runId))
      .then((rows) => new Map(rows.map(({ nodeId: id, ...row }) => [id, row])));
    return (await storedSteps).get(nodeId);
  };
  // Conditions only read: a crash while one is evaluated just evaluates it again, so the
  // "running" row that guards the attempt count of an action would be a wasted write.
  const hasSideEffects = (nodeId: string) => !(nodeKinds.get(nodeId) ?? "").startsWith("condition.");

  const upsert = (nodeId: string, values: Partial<typeof runSteps.$inferInsert> & { status: typeof runSteps.$inferInsert.status }) =>
    db
      .insert(runSteps)
      .values({ runId, nodeId, nodeKind: nodeKinds.get(nodeId) ?? "unknown", ...values })
      .onConflictDoUpdate({ target: [runSteps.runId, runSteps.nodeId], set: values });

  return {
    async run<T>(nodeId: string, fn: () => Promise<T>): Promise<T> {
      const existing = await load(nodeId);
      if (existing?.memo) {
        if (existing.memo.ok) return existing.memo.value as T;
        throw new RecordedStepFailure(existing.memo.error);
      }
      let attempt = existing?.attempt ?? 0;
      for (;;) {
        attempt += 1;
        const startedAt = now();
        if (hasSideEffects(nodeId) || attempt > 1) await upsert(nodeId, { status: "running", attempt, startedAt });
        try {
          const value = await fn();
          // JSON round-trip: what a resumed run reads back must equal what this run saw.
          const stored = value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
          await upsert(nodeId, { status: "succeeded", memo: { ok: true, value: stored }, attempt, startedAt, finishedAt: now() });
          return stored as T;
        } catch (error) {
          const stored = toStoredStepError(error);
          if (isPermanentError(error) || attempt >= retry.maxAttempts) {
            await upsert(nodeId, { status: "failed", memo: { ok: false, error: stored }, error: stored, attempt, finishedAt: now() });
            throw error;
          }
          await upsert(nodeId, { status: "running", error: stored, attempt });
          const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 4 ** (attempt - 1));
          const asked = retryAfterSecondsOf(error);
          await wait(asked ? Math.min(retry.maxDelayMs, asked * 1000) : backoff);
        }
      }
    },

    async sleep(nodeId: string, duration: string | number): Promise<void> {
      const existing = await load(nodeId);
      if (existing?.memo) return;
      const wakeAt = existing?.wakeAt ?? new Date(now().getTime() + durationToMs(duration));
      if (!existing) await upsert(nodeId, { status: "sleeping", wakeAt, startedAt: now() });
      if (wakeAt.getTime() <= now().getTime()) {
        await upsert(nodeId, { status: "succeeded", memo: { ok: true, value: null }, finishedAt: now() });
        return;
      }
      throw new RunSuspended(wakeAt);
    },
  };
}

