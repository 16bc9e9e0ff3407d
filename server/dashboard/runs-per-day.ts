import type { RunStatus } from "@/db/schema/runs";

/**
 * A day's live runs by how they ended. Skipped runs (no branch matched, nothing to do) are their
 * own series; "in progress" is only running and waiting runs; queued ones have not started yet.
 */
export type RunsPerDay = { day: string; succeeded: number; failed: number; skipped: number; inProgress: number; queued: number };

/** Which series of the chart a run's status belongs to. */
export function runSeriesOf(status: RunStatus): Exclude<keyof RunsPerDay, "day"> {
  switch (status) {
    case "succeeded":
    case "failed":
    case "skipped":
    case "queued":
      return status;
    case "running":
    case "waiting":
      return "inProgress";
  }
}

export function runsOfDay(day: RunsPerDay): number {
  return day.succeeded + day.failed + day.skipped + day.inProgress + day.queued;
}
