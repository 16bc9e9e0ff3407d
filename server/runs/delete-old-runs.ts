import { and, asc, inArray, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { workflowRuns } from "@/db/schema";

const finishedStatuses = ["succeeded", "failed", "skipped"] as const;
const dayMs = 24 * 60 * 60 * 1000;

export const retentionBatchSize = 1_000;

export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * dayMs);
}

/**
 * Deletes up to `batchSize` finished runs created before `olderThan`, oldest first; their steps go
 * with them (ON DELETE CASCADE). Runs still queued, running or waiting are kept whatever their age.
 * Returns how many were deleted: fewer than `batchSize` means nothing old is left.
 */
export async function deleteOldRunsBatch(db: Database, options: { olderThan: Date; batchSize?: number }): Promise<number> {
  const batch = db
    .select({ id: workflowRuns.id })
    .from(workflowRuns)
    .where(and(lt(workflowRuns.createdAt, options.olderThan), inArray(workflowRuns.status, [...finishedStatuses])))
    .orderBy(asc(workflowRuns.createdAt))
    .limit(options.batchSize ?? retentionBatchSize);
  const removed = await db.delete(workflowRuns).where(inArray(workflowRuns.id, batch)).returning({ id: workflowRuns.id });
  return removed.length;
}

/** Every old finished run, a batch at a time so a big table is never locked for long. */
export async function deleteOldRuns(db: Database, options: { olderThan: Date; batchSize?: number }): Promise<{ deleted: number }> {
  const batchSize = options.batchSize ?? retentionBatchSize;
  let deleted = 0;
  for (;;) {
    const removed = await deleteOldRunsBatch(db, { olderThan: options.olderThan, batchSize });
    deleted += removed;
    if (removed < batchSize) return { deleted };
  }
}
