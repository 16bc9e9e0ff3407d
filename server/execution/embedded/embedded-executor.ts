import { asc, eq } from "drizzle-orm";
import { events, workflowRuns } from "@/db/schema";
import { executeRun, type ExecutionDeps } from "../execute-run";
import { fanOutEvents } from "../fan-out-event";
import { loadRun, type LoadedRun } from "../load-run";
import type { Executor } from "../executor";
import { claimDueRun, runTransitions, transitionRun, unleasedUnfinishedRun } from "../run-transitions";
import { startEventLoopGovernor } from "./event-loop-governor";
import { createRunJournal, type RetryPolicy } from "./run-journal";
import { RunSuspended } from "./run-suspended";
import { createStepWriter } from "./step-writer";
import { createWorkQueue } from "./work-queue";

export type EmbeddedExecutorOptions = {
  concurrency?: number;
  /** Lower the concurrency (down to `min`) while the event loop lags more than `targetLagMs`. */
  governor?: { min: number; targetLagMs: number };
  /** Group-commit statements in flight at once (1 for PGlite, which has one connection). */
  writesInFlight?: number;
  /** How long a run is leased to this process; a lease that lapses (crash) lets the sweep pick the run up again. */
  leaseMs?: number;
  sweepIntervalMs?: number;
  retry?: RetryPolicy;
  wait?: (ms: number) => Promise<void>;
  log?: (message: string, error?: unknown) => void;
};

/**
 * The single-machine default: the same fan-out and run logic as the Inngest functions, driven
 * in-process. Runs are leased in the database, steps are memoised in run_steps, delays are
 * parked with a wake time, and a periodic sweep re-dispatches anything left unfinished.
 * Events are fanned out in batches and the runs they start are created already leased, so a
 * run costs a couple of (group-committed) writes rather than a dozen round trips.
 */
export function createEmbeddedExecutor(
  deps: ExecutionDeps,
  options: EmbeddedExecutorOptions = {},
): Executor & {
  start(): void;
  stop(): Promise<void>;
  sweep(): Promise<void>;
  lastSweepAt(): Date | null;
  idle(): Promise<void>;
} {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[executor] ${message}`, error ?? ""));
  const concurrency = options.concurrency ?? 4;
  const queue = createWorkQueue(concurrency, (error) => log("job failed", error));
  let governor: ReturnType<typeof startEventLoopGovernor> | undefined;
  const writer = createStepWriter(db, { maxInFlight: options.writesInFlight });
  const undispatched = new Set<string>();
  let stopped = false;
  let sweepTimer: ReturnType<typeof setInterval> | undefined;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  let nextWake: number | undefined;
  let lastSweepAt: Date | null = null;

  function scheduleWake(at: Date) {
    if (stopped) return;
    const time = at.getTime();
    if (nextWake !== undefined && nextWake <= time) return;
    if (wakeTimer) clearTimeout(wakeTimer);
    nextWake = time;
    wakeTimer = setTimeout(
      () => {
        nextWake = undefined;
        void sweep();
      },
      Math.max(0, time - now().getTime()),
    );
    wakeTimer.unref?.();
  }

  async function processRun(runId: string) {
    // Claim the run: only one worker at a time, and only when it is due.
    if (!(await claimDueRun(db, runId, now(), leaseMs))) return;

    const loaded = await loadRun(db, runId);
    if (loaded) await execute(loaded, { fresh: false });
  }

  async function execute(loaded: LoadedRun, { fresh }: { fresh: boolean }) {
    const runId = loaded.run.id;
    const nodeKinds = new Map(loaded.graph.nodes.map((node) => [node.id, node.kind]));
    const journal = createRunJournal({ db, writer, runId, nodeKinds, fresh, now, retry: options.retry, wait: options.wait });
    try {
      await executeRun(deps, loaded, journal.step, {
        recorder: journal.recorder,
        isControlFlowError: (error) => error instanceof RunSuspended,
      });
    } catch (error) {
      if (error instanceof RunSuspended) {
        await journal.suspend(error.wakeAt);
        scheduleWake(error.wakeAt);
        return;
      }
      // An unexpected error (database down…): keep what is known, release the lease so the sweep retries the run.
      await journal.flush().catch(() => {});
      await transitionRun(db, runId, runTransitions.releasedForRetry(String(error)));
      throw error;
    }
  }

  function enqueueRun(runId: string) {
    if (!stopped) queue.push(`run:${runId}`, () => processRun(runId));
  }

  // Events waiting for fan-out; whichever dispatch job runs next takes them all as one batch.
  async function dispatchPending() {
    const batch = [...undispatched].slice(0, 500);
    for (const eventId of batch) undispatched.delete(eventId);
    if (batch.length === 0) return;
    if (undispatched.size > 0) queue.push("dispatch", dispatchPending);
    const at = now();
    const { started, unfinishedRunIds } = await fanOutEvents(db, batch, { claim: { at, until: new Date(at.getTime() + leaseMs) } });
    for (const loaded of started) if (!stopped) queue.push(`run:${loaded.run.id}`, () => execute(loaded, { fresh: true }));
    for (const runId of unfinishedRunIds) enqueueRun(runId);
  }

  async function dispatchEvent(eventId: string) {
    if (stopped) return;
    undispatched.add(eventId);
    governor?.noteEvent();
    queue.push("dispatch", dispatchPending);
  }

  async function sweep() {
    if (stopped) return;
    const current = now();
    const pending = await db
      .select({ id: events.id })
      .from(events)
      .where(eq(events.dispatchState, "pending"))
      .orderBy(asc(events.receivedAt))
      .limit(500);
    for (const event of pending) await dispatchEvent(event.id);

    const due = await db
      .select({ id: workflowRuns.id, status: workflowRuns.status, wakeAt: workflowRuns.wakeAt })
      .from(workflowRuns)
      .where(unleasedUnfinishedRun(current))
      .orderBy(asc(workflowRuns.createdAt))
      .limit(500);
    for (const run of due) {
      if (run.wakeAt && run.wakeAt.getTime() > current.getTime()) scheduleWake(run.wakeAt);
      else enqueueRun(run.id);
    }
    lastSweepAt = now();
  }

  return {
    dispatchEvent,
    async dispatchRun(runId: string) {
      enqueueRun(runId);
    },
    start() {
      void sweep().catch((error) => log("sweep failed", error));
      sweepTimer = setInterval(() => void sweep().catch((error) => log("sweep failed", error)), options.sweepIntervalMs ?? 15_000);
      sweepTimer.unref?.();
      if (options.governor) {
        governor = startEventLoopGovernor((next) => queue.setConcurrency(next), { ...options.governor, max: concurrency });
      }
    },
    async stop() {
      stopped = true;
      governor?.stop();
      if (sweepTimer) clearInterval(sweepTimer);
      if (wakeTimer) clearTimeout(wakeTimer);
      await queue.idle();
    },
    sweep,
    lastSweepAt: () => lastSweepAt,
    idle: () => queue.idle(),
  };
}
