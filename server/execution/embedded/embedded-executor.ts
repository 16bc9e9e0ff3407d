import { asc, eq } from "drizzle-orm";
import { isDataException, isDatabaseUnavailable, rootMessage } from "@/db/sql-state";
import { events, workflowRuns } from "@/db/schema";
import { executeRun, type ExecutionDeps } from "../execute-run";
import { fanOutEvents } from "../fan-out-event";
import { loadRun, type LoadedRun } from "../load-run";
import type { Executor } from "../executor";
import { availableRun, claimDueRun, runTransitions, transitionRun } from "../run-transitions";
import { startEventLoopGovernor } from "./event-loop-governor";
import { createExecutorHeartbeat } from "./executor-heartbeat";
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
  /** This process's executor id (tests); a fresh one otherwise. */
  executorId?: string;
  /** How often this process proves it is alive; the runs it holds are taken over once it stops for `heartbeatTtlMs`. */
  heartbeatMs?: number;
  heartbeatTtlMs?: number;
  sweepIntervalMs?: number;
  /** How long a run that failed unexpectedly (database down…) first waits before this process tries it again (doubling, up to 30 s). */
  unexpectedErrorRetryMs?: number;
  retry?: RetryPolicy;
  wait?: (ms: number) => Promise<void>;
  log?: (message: string, error?: unknown) => void;
};

/**
 * The default executor: the same fan-out and run logic as the Inngest functions, driven
 * in-process, by one app server or several on one PostgreSQL. Each process holds the runs it
 * works on (locked_by) and beats in `executors`; steps are memoised in run_steps, delays are
 * parked with a wake time, and a periodic sweep picks up anything nobody works on: pending
 * events, runs whose delay ended, runs of a process that stopped beating (a crash), as soon as
 * its heartbeat expires. Events are fanned out in batches and the runs they start are created
 * already held, so a run costs a couple of (group-committed) writes rather than a dozen round trips.
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
  readonly executorId: string;
} {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const heartbeat = createExecutorHeartbeat(db, { now, id: options.executorId, ttlMs: options.heartbeatTtlMs });
  const self = heartbeat.id;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[executor] ${message}`, error ?? ""));
  const concurrency = options.concurrency ?? 4;
  const queue = createWorkQueue(concurrency, (error) => log("job failed", error));
  let governor: ReturnType<typeof startEventLoopGovernor> | undefined;
  const writer = createStepWriter(db, { maxInFlight: options.writesInFlight });
  const undispatched = new Set<string>();
  // Runs this process has queued or is walking: its sweep skips them, whatever the database says.
  const inHand = new Set<string>();
  const failures = new Map<string, number>();
  let stopped = false;
  let sweepTimer: ReturnType<typeof setInterval> | undefined;
  let heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  // Nothing is claimed before this process's first heartbeat: a claim by an unknown executor would look abandoned.
  let registered: Promise<void> | undefined;
  const ensureRegistered = () =>
    (registered ??= heartbeat.beat().catch((error: unknown) => {
      registered = undefined;
      throw error;
    }));
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
    await ensureRegistered();
    // Claim the run: only one worker at a time, and only when it is due.
    const at = now();
    if (!(await claimDueRun(db, runId, at, self, { ttlMs: heartbeat.ttlMs, takeover: heartbeat.mayTakeOver(at) }))) return;

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
        // Not a step's failure but the executor's own: a parked run, or the run's record unwritable.
        isControlFlowError: (error) => error instanceof RunSuspended || isDatabaseUnavailable(error) || isDataException(error),
      });
    } catch (error) {
      if (error instanceof RunSuspended) {
        await journal.suspend(error.wakeAt);
        scheduleWake(error.wakeAt);
        return;
      }
      if (isDataException(error)) {
        // The database refuses a value in this run's record, and would refuse it on every retry, which
        // would repeat the run's actions forever: stop the run, in words, once.
        const message = `This run's record could not be saved (${rootMessage(error)}), so it was stopped rather than repeated.`;
        log(`run ${runId} stopped: ${message}`);
        await transitionRun(db, runId, runTransitions.failed(message, now()));
        return;
      }
      // The database away, or anything unexpected: keep what is known and release the run; hold() tries it again.
      await journal.flush().catch(() => {});
      await transitionRun(db, runId, runTransitions.releasedForRetry(rootMessage(error))).catch(() => {});
      throw error;
    }
  }

  /**
   * Queues work on a run this process holds. A job that fails (database down…) is tried again
   * from here with a growing pause: the run may still be held by this process — its release could
   * not be written either — and the sweep leaves a live executor's runs alone.
   */
  function hold(runId: string, job: () => Promise<void>) {
    if (stopped || inHand.has(runId)) return;
    inHand.add(runId);
    queue.push(`run:${runId}`, async () => {
      try {
        await job();
        failures.delete(runId);
      } catch (error) {
        retryLater(runId);
        throw error;
      } finally {
        inHand.delete(runId);
      }
    });
  }

  function enqueueRun(runId: string) {
    hold(runId, () => processRun(runId));
  }

  function retryLater(runId: string) {
    const failed = (failures.get(runId) ?? 0) + 1;
    failures.set(runId, failed);
    const pause = Math.min(30_000, (options.unexpectedErrorRetryMs ?? 1_000) * 2 ** (failed - 1));
    const timer = setTimeout(() => enqueueRun(runId), pause);
    timer.unref?.();
  }

  // Events waiting for fan-out; whichever dispatch job runs next takes them all as one batch.
  async function dispatchPending() {
    const batch = [...undispatched].slice(0, 500);
    for (const eventId of batch) undispatched.delete(eventId);
    if (batch.length === 0) return;
    if (undispatched.size > 0) queue.push("dispatch", dispatchPending);
    await ensureRegistered();
    const { started, unfinishedRunIds } = await fanOutEvents(db, batch, { claim: { at: now(), executorId: self } });
    for (const loaded of started) hold(loaded.run.id, () => execute(loaded, { fresh: true }));
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
    // A sweep beats too: whether this process may take over others' runs depends on its own heartbeat.
    await (registered ? heartbeat.beat() : ensureRegistered());
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
      .where(availableRun(current, { ttlMs: heartbeat.ttlMs, takeover: heartbeat.mayTakeOver(current) }))
      .orderBy(asc(workflowRuns.createdAt))
      .limit(500);
    for (const run of due) {
      if (run.wakeAt && run.wakeAt.getTime() > current.getTime()) scheduleWake(run.wakeAt);
      else enqueueRun(run.id);
    }
    // Runs of a process that has just stopped beating: come back the moment its heartbeat expires.
    const takeoverAt = await heartbeat.nextTakeoverAt();
    if (takeoverAt) scheduleWake(takeoverAt);
    lastSweepAt = now();
  }

  return {
    dispatchEvent,
    async dispatchRun(runId: string) {
      enqueueRun(runId);
    },
    executorId: self,
    start() {
      const beat = () => void (registered ? heartbeat.beat() : ensureRegistered()).catch((error) => log("heartbeat failed", error));
      beat();
      heartbeatTimer = setInterval(beat, options.heartbeatMs ?? 2_000);
      heartbeatTimer.unref?.();
      void sweep().catch((error) => log("sweep failed", error));
      sweepTimer = setInterval(() => void sweep().catch((error) => log("sweep failed", error)), options.sweepIntervalMs ?? 5_000);
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
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      if (registered) await heartbeat.retire().catch((error) => log("could not retire this executor", error));
    },
    sweep,
    lastSweepAt: () => lastSweepAt,
    heartbeat: () => ({ executorId: self, lastBeatAt: heartbeat.lastBeatAt() }),
    idle: () => queue.idle(),
  };
}
