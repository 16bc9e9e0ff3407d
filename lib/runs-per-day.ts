/**
 * A day's live runs on the home chart, by how they ended. Skipped runs (no branch matched, nothing
 * to do) are their own series; "in progress" is only running and waiting runs; queued ones have
 * not started yet.
 */
export type RunsPerDay = { day: string; succeeded: number; failed: number; skipped: number; inProgress: number; queued: number };

export type RunSeries = Exclude<keyof RunsPerDay, "day">;

export function runsOfDay(day: RunsPerDay): number {
  return day.succeeded + day.failed + day.skipped + day.inProgress + day.queued;
}
