/** Hands committed events to whatever runs workflows: the embedded executor or Inngest. */
export interface Executor {
  /** Called only after the event is committed; must not throw for a slow or absent backend (the sweep retries). */
  dispatchEvent(eventId: string): Promise<void>;
  /**
   * Walks one already-created run (a replay; test runs are walked at once by dry-runs/, not dispatched);
   * same contract: committed first, never throws.
   * Optional so that test doubles that only record events stay valid; both real executors have it.
   */
  dispatchRun?(runId: string): Promise<void>;
  /** When this process last finished a sweep for unfinished work (null before the first); absent where nothing sweeps. */
  lastSweepAt?(): Date | null;
  /** This process as an executor (embedded only): its id in `executors` and when it last beat there. */
  heartbeat?(): { executorId: string; lastBeatAt: Date | null };
}
