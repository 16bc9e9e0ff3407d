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
  // Since when this process has beaten without a gap longer than the TTL.
  let aliveSince: Date | null = null;

  function mayTakeOver(at: Date): boolean {
    if (!aliveSince || !lastBeatAt) return false;
    return at.getTime() - aliveSince.getTime() >= ttlMs && at.getTime() - lastBeatAt.getTime() < ttlMs;
  }

  async function beat() {
    const at = now();
    await db
      .insert(executors)
      .values({ id, host: hostname(), pid: process.pid, startedAt, heartbeatAt: at })
      .onConflictDoUpdate({ target: executors.id, set: { heartbeatAt: at } });
    if (lastBeatAt === null) {
      await db.delete(executors).where(lt(executors.heartbeatAt, new Date(at.getTime() - forgetAfterMs)));
    }
    if (lastBeatAt === null || at.getTime() - lastBeatAt.getTime() > ttlMs) aliveSince = at;
    lastBeatAt = at;
  }

  return {
    id,
    ttlMs,
    beat,
    /** When this process last proved it is alive (null before the first beat). */
    lastBeatAt: () => lastBeatAt,
    /**
     * Whether this process may take over the runs of executors that look stopped: only once it has
     * itself beaten for a whole TTL. After a database outage every process's heartbeat looks old;
     * waiting a TTL lets the others beat again before anyone calls them dead.
     */
    mayTakeOver,
    /** A clean stop: whatever this process still holds is released, for any other executor to take at once. */
    async retire() {
      await db
        .update(workflowRuns)
        .set({ lockedBy: null })
        .where(and(eq(workflowRuns.lockedBy, id), inArray(workflowRuns.status, [...unfinishedRunStatuses])));
      await db.delete(executors).where(eq(executors.id, id));
    },
    /**
     * When the next takeover may fall due: the oldest heartbeat, plus the TTL, among other
     * executors still inside the TTL that hold unfinished runs, and not before this process may
     * take over at all (null when nothing is due). A restart right after a crash finds its
     * predecessor still "alive" for a few seconds.
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
      const expiry = row?.oldest ? row.oldest.getTime() + ttlMs + 1 : null;
      // Until this process may take over at all, come back when it may (an extra sweep, once).
      const allowed = aliveSince && !mayTakeOver(at) ? aliveSince.getTime() + ttlMs : null;
      const candidates = [expiry, allowed].filter((time): time is number => time !== null);
      return candidates.length > 0 ? new Date(Math.max(...candidates)) : null;
    },
  };
}

export type ExecutorHeartbeat = ReturnType<typeof createExecutorHeartbeat>;
