import type { Inngest } from "inngest";
import type { Database } from "@/db/client";
import { deleteOldRunsBatch, retentionBatchSize, retentionCutoff } from "@/server/runs/delete-old-runs";

// Inngest caps the steps of one function run; whatever is left over goes the next day.
const maxBatchesPerDay = 500;

/** Daily: deletes finished runs older than the retention period, one durable step per batch. */
export function createDeleteOldRunsFunction(inngest: Inngest.Any, getOptions: () => Promise<{ db: Database; retentionDays: number }>) {
  return inngest.createFunction(
    { id: "delete-old-runs", triggers: [{ cron: "TZ=UTC 30 3 * * *" }], concurrency: { limit: 1 } },
    async ({ step }) => {
      const { retentionDays } = await getOptions();
      // Fixed once, so every batch (and a retried one) deletes against the same cut-off.
      const cutoff = await step.run("cutoff", async () => retentionCutoff(new Date(), retentionDays).toISOString());
      let deleted = 0;
      for (let batch = 0; batch < maxBatchesPerDay; batch += 1) {
        const removed = await step.run(`delete-batch-${batch}`, async () =>
          deleteOldRunsBatch((await getOptions()).db, { olderThan: new Date(cutoff) }),
        );
        deleted += removed;
        if (removed < retentionBatchSize) break;
      }
      return { deleted, cutoff };
    },
  );
}
