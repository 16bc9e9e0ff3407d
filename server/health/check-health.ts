import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { rootMessage } from "@/db/sql-state";
import { executorHeartbeatTtlMs } from "../execution/run-transitions";

export type HealthReport = {
  /** ok: all well; degraded: serving, but work is waiting longer than it should; down: the database is unreachable. */
  status: "ok" | "degraded" | "down";
  database: { reachable: true; latencyMs: number } | { reachable: false; error: string };
  executor: {
    kind: "embedded" | "inngest";
    lastSweepAt: string | null;
    lastSweepAgeSeconds: number | null;
    /** Embedded: this process's executor id and the age of its last heartbeat (its runs are taken over past the TTL). */
    id?: string;
    lastHeartbeatAgeSeconds?: number | null;
    /** Embedded: app servers whose executor beat within the heartbeat TTL, this one included (null when the database is away). */
    liveExecutors?: number | null;
  };
  /** Seconds the oldest event not yet handed to the executor has waited; null when none waits. */
  oldestPendingEventAgeSeconds: number | null;
  checkedAt: string;
};

export type HealthDeps = {
  db: Database;
  executor: {
    kind: "embedded" | "inngest";
    lastSweepAt?: () => Date | null;
    heartbeat?: () => { executorId: string; lastBeatAt: Date | null };
  };
  now?: () => Date;
  /** A database slower than this to answer counts as unreachable. */
  timeoutMs?: number;
};

/** Work waiting longer than this, or a sweep this late (its interval is 5 s), makes the report "degraded". */
export const STALE_AFTER_SECONDS = 60;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const ageInSeconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/**
 * What a load balancer or an operator needs to know about this app server: can it reach the
 * database, is its executor beating and sweeping (and how many app servers run workflows), and
 * is any accepted event waiting to be run.
 */
export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const now = deps.now ?? (() => new Date());
  const started = Date.now();
  let database: HealthReport["database"];
  let oldestPending: Date | null = null;
  let liveExecutors: number | null = null;
  try {
    // One statement of indexed reads answers all three questions (events_pending_idx covers the pending rows).
    const liveSince = new Date(now().getTime() - executorHeartbeatTtlMs).toISOString();
    const [row] = await withTimeout(
      queryRows<{ oldest: string | Date | null; executors: string | number }>(
        deps.db,
        sql`select (select min(received_at) from events where dispatch_state = 'pending') as oldest,
                   (select count(*) from executors where heartbeat_at > ${liveSince}::timestamptz) as executors`,
      ),
      deps.timeoutMs ?? 2_000,
    );
    const oldest = row?.oldest ?? null;
    oldestPending = oldest === null ? null : new Date(oldest);
    liveExecutors = Number(row?.executors ?? 0);
    database = { reachable: true, latencyMs: Date.now() - started };
  } catch (error) {
    // The driver's reason ("connect ECONNREFUSED …"), never the query: this answer needs no sign-in.
    database = { reachable: false, error: rootMessage(error) };
  }

  const checkedAt = now();
  const lastSweep = deps.executor.lastSweepAt?.() ?? null;
  const oldestPendingEventAgeSeconds = oldestPending ? ageInSeconds(oldestPending, checkedAt) : null;
  const lastSweepAgeSeconds = lastSweep ? ageInSeconds(lastSweep, checkedAt) : null;
  const heartbeat = deps.executor.heartbeat?.();
  const lastHeartbeatAgeSeconds = heartbeat?.lastBeatAt ? ageInSeconds(heartbeat.lastBeatAt, checkedAt) : null;
  const embedded = deps.executor.kind === "embedded";
  const stale =
    (oldestPendingEventAgeSeconds ?? 0) > STALE_AFTER_SECONDS ||
    (embedded && (lastSweepAgeSeconds === null || lastSweepAgeSeconds > STALE_AFTER_SECONDS)) ||
    (heartbeat !== undefined && (lastHeartbeatAgeSeconds === null || lastHeartbeatAgeSeconds * 1000 > executorHeartbeatTtlMs));
  return {
    status: !database.reachable ? "down" : stale ? "degraded" : "ok",
    database,
    executor: {
      kind: deps.executor.kind,
      lastSweepAt: lastSweep?.toISOString() ?? null,
      lastSweepAgeSeconds,
      ...(heartbeat ? { id: heartbeat.executorId, lastHeartbeatAgeSeconds, liveExecutors } : {}),
    },
    oldestPendingEventAgeSeconds,
    checkedAt: checkedAt.toISOString(),
  };
}
