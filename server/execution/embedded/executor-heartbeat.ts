import { hostname } from "node:os";
import { and, gt, inArray, lt, min, ne, sql, eq, exists } from "drizzle-orm";
import type { Database } from "@/db/client";
import { newId } from "@/db/ids";
import { executors, workflowRuns } from "@/db/schema";
import { executorHeartbeatTtlMs, unfinishedRunStatuses } from "../run-transitions";

// A stopped process's row is kept a day so an operator can still see which process held what.
const forgetAfterMs = 24 * 60 * 60_000;

/**
 * This process's identity as an executor, proved by a heartbeat in `executors`. Runs it holds
 * (workflow_runs.locked_by) stay its own while it beats; once it stops for the TTL, any other
 * executor may take them over (see availableRun).
 */
export function createExecutorHeartbeat(db: Database, options: { now: () => Date; ttlMs?: number; id?: string }) {
  const { now } = options;
  const ttlMs = options.ttlMs ?? executorHeartbeatTtlMs;
  const id = options.id ?? newId("exe");
  const startedAt = now();
  let lastBeatAt: Date | null = null;

  async function beat() {
    const at = now();
    await db
      .insert(executors)
      .values({ id, host: hostname(), pid: process.pid, startedAt, heartbeatAt: at })
      .onConflictDoUpdate({ target: executors.id, set: { heartbeatAt: at } });
    if (lastBeatAt === null) {
      await db.delete(executors).where(lt(executors.heartbeatAt, new Date(at.getTime() - forgetAfterMs)));
    }
    lastBeatAt = at;
  }

  return {
    id,
    ttlMs,
    beat,
    /** When this process last proved it is alive (null before the first beat). */
    lastBeatAt: () => lastBeatAt,
    /** A clean stop: other executors may take over at once whatever this one still held. */
    async retire() {
      await db.delete(executors).where(eq(executors.id, id));
    },
    /**
     * When the earliest takeover falls due: the oldest heartbeat, plus the TTL, among other
     * executors still inside the TTL that hold unfinished runs (null when there is none).
     * A restart right after a crash finds its predecessor still "alive" for a few seconds.
     */
    async nextTakeoverAt(): Promise<Date | null> {
      const at = now();
      const [row] = await db
        .select({ oldest: min(executors.heartbeatAt) })
        .from(executors)
        .where(
          and(
            ne(executors.id, id),
            gt(executors.heartbeatAt, new Date(at.getTime() - ttlMs)),
            exists(
              db
                .select({ one: sql`1` })
                .from(workflowRuns)
                .where(and(eq(workflowRuns.lockedBy, executors.id), inArray(workflowRuns.status, [...unfinishedRunStatuses]))),
            ),
          ),
        );
      return row?.oldest ? new Date(row.oldest.getTime() + ttlMs + 1) : null;
    },
  };
}

export type ExecutorHeartbeat = ReturnType<typeof createExecutorHeartbeat>;
