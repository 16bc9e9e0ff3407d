import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { workflowRuns, workflows } from "@/db/schema";
import { runTransitions } from "../execution/run-transitions";

export type ReplayOutcome =
  { ok: true; runId: string } | { ok: false; reason: "not_found" | "test_run" | "not_published"; message: string };

/**
 * Starts a new live run of an earlier run's event on the workflow's current published version,
 * linked to the original. The caller hands the new run to the executor once this has committed.
 */
export async function replayRun(db: Queryable, input: { organizationId: string; runId: string }): Promise<ReplayOutcome> {
  const [original] = await db
    .select({
      id: workflowRuns.id,
      mode: workflowRuns.mode,
      eventId: workflowRuns.eventId,
      eventType: workflowRuns.eventType,
      callerNumber: workflowRuns.callerNumber,
      callerName: workflowRuns.callerName,
      workflowId: workflows.id,
      workflowName: workflows.name,
      publishedVersionId: workflows.publishedVersionId,
    })
    .from(workflowRuns)
    .innerJoin(workflows, eq(workflows.id, workflowRuns.workflowId))
    .where(and(eq(workflowRuns.id, input.runId), eq(workflowRuns.organizationId, input.organizationId)))
    .limit(1);
  if (!original) return { ok: false, reason: "not_found", message: "That run was not found." };
  if (original.mode === "test") {
    // A test run's event is usually a made-up sample: replaying it live would text a stranger.
    return { ok: false, reason: "test_run", message: "Test runs can't be replayed. Run the test again from the editor instead." };
  }
  if (!original.publishedVersionId) {
    return {
      ok: false,
      reason: "not_published",
      message: `“${original.workflowName}” has no published version to replay on. Publish it in the editor, then try again.`,
    };
  }

  const [replay] = await db
    .insert(workflowRuns)
    .values({
      organizationId: input.organizationId,
      workflowId: original.workflowId,
      versionId: original.publishedVersionId,
      eventId: original.eventId,
      mode: "live",
      ...runTransitions.queued(),
      replayOfRunId: original.id,
      eventType: original.eventType,
      callerNumber: original.callerNumber,
      callerName: original.callerName,
    })
    .returning({ id: workflowRuns.id });
  return { ok: true, runId: replay!.id };
}
