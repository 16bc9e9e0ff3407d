/**
 * Inngest drops any event whose `id` it has seen in the last 24 hours. The first hand-off of an
 * event or run uses its plain id, so a repeated first send is dropped; every re-send by the sweep
 * uses a generation suffix that changes as the thing ages (1, 2, 4, 8… minutes old), so a re-send
 * after a failed fan-out or run is accepted at once instead of a day later, while the sweep's
 * minute-by-minute re-sends within one generation are still dropped as duplicates. Derived from
 * stored timestamps only, it survives restarts and agrees between app servers.
 * The database keeps "one run per (version, event)" whatever Inngest accepts.
 */
export function handOffId(baseId: string, createdAt: Date, now: Date): string {
  const ageMinutes = (now.getTime() - createdAt.getTime()) / 60_000;
  if (ageMinutes < 1) return baseId;
  return `${baseId}~r${Math.floor(Math.log2(ageMinutes)) + 1}`;
}

/** The plain id of a run's first request (fan-out sends it; a re-send adds a generation). */
export const runRequestId = (runId: string) => `run-${runId}`;
