/** Hands committed events to whatever runs workflows: the embedded executor or Inngest. */
export interface Executor {
  /**
   * Called only after the event is committed, inside the request that brought it: returns at once
   * (queue the hand-off, do not wait for a remote backend) and never throws (the sweep retries).
   */
  dispatchEvent(eventId: string): Promise<void>;
  /**
   * Walks one already-created run (a replay; test runs are walked at once by dry-runs/, not dispatched);
   * committed first, never throws. Resolves `false` when the hand-off failed (the run stays queued
   * and the sweep hands it over later), so the user can be told; nothing (or true) means it was handed off.
   * Optional so that test doubles that only record events stay valid; both real executors have it.
   */
  dispatchRun?(runId: string): Promise<boolean | void>;
  /** When this process last finished a sweep for unfinished work (null before the first); absent where nothing sweeps. */
  lastSweepAt?(): Date | null;
  /** This process as an executor (embedded only): its id in `executors` and when it last beat there. */
  heartbeat?(): { executorId: string; lastBeatAt: Date | null };
}
