import type { Database } from "@/db/client";
import { deleteOldRuns, retentionCutoff } from "./delete-old-runs";

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The embedded executor's retention job: once shortly after start-up, then daily. (With Inngest,
 * a cron function does the same and this timer is not started.)
 */
export function startRunRetentionTimer(
  db: Database,
  options: { retentionDays: number; intervalMs?: number; log?: (message: string, error?: unknown) => void },
): { stop(): void } {
  const log = options.log ?? ((message: string, error?: unknown) => (error ? console.error(message, error) : console.info(message)));
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const { deleted } = await deleteOldRuns(db, { olderThan: retentionCutoff(new Date(), options.retentionDays) });
      if (deleted > 0) log(`[retention] deleted ${deleted} runs older than ${options.retentionDays} days`);
    } catch (error) {
      log("[retention] could not delete old runs", error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void sweep(), 10_000);
  const daily = setInterval(() => void sweep(), options.intervalMs ?? dayMs);
  first.unref?.();
  daily.unref?.();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(daily);
    },
  };
}
