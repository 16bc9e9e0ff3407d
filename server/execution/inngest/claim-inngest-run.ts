import { and, eq, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { workflowRuns } from "@/db/schema";
import { stalledRunMs, stalledSince } from "./stalled-runs";

export type InngestRunClaim = { claimed: true } | { claimed: false; status: string | null };

/**
 * The first thing an Inngest run of a workflow run does, inside a memoised step: take the run if
 * nobody walks it (queued, or stalled), so that one Inngest run walks it however often it was
 * requested — a re-sent request, a duplicate after Inngest's 24 h de-duplication window, a replay
 * of a finished run. The step's memo keeps the winner walking on every later invocation.
 */
export async function claimInngestRun(db: Database, runId: string, now: Date): Promise<InngestRunClaim> {
  const [claimed] = await db
    .update(workflowRuns)
    .set({ status: "running", startedAt: sql`coalesce(${workflowRuns.startedAt}, ${now.toISOString()}::timestamptz)`, wakeAt: null })
    .where(and(eq(workflowRuns.id, runId), or(eq(workflowRuns.status, "queued"), stalledSince(new Date(now.getTime() - stalledRunMs)))))
    .returning({ id: workflowRuns.id });
  if (claimed) return { claimed: true };
  const [current] = await db.select({ status: workflowRuns.status }).from(workflowRuns).where(eq(workflowRuns.id, runId));
  return { claimed: false, status: current?.status ?? null };
}
