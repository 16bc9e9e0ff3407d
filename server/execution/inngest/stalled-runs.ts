import { and, eq, lt, or, sql } from "drizzle-orm";
import { runSteps, workflowRuns } from "@/db/schema";

/**
 * How long an Inngest run may show no sign of life before the sweep hands it to Inngest again:
 * queued and never started, running with no step started or finished, or waiting past its wake
 * time. Ten minutes is well beyond a healthy hand-off (seconds) and beyond Inngest's own retries
 * of a failed step (four attempts with backoff finish in a few minutes), so a run Inngest still
 * works on is rarely re-sent; and a re-sent run that is not stalled after all is harmless — the
 * second Inngest run's claim finds it taken and ends (see claimInngestRun).
 */
export const stalledRunMs = 10 * 60_000;

/** A live run with no progress since `cutoff` (see stalledRunMs). */
export function stalledSince(cutoff: Date) {
  const at = cutoff.toISOString();
  const noStepActivity = sql`not exists (
    select 1 from ${runSteps}
    where ${runSteps.runId} = ${workflowRuns.id}
      and (${runSteps.startedAt} >= ${at}::timestamptz or ${runSteps.finishedAt} >= ${at}::timestamptz
        or exists (select 1 from jsonb_array_elements(${runSteps.attempts}) as attempt(a)
                   where (a->>'startedAt')::timestamptz >= ${at}::timestamptz or (a->>'finishedAt')::timestamptz >= ${at}::timestamptz))
  )`;
  return and(
    eq(workflowRuns.mode, "live"),
    or(
      and(eq(workflowRuns.status, "queued"), lt(workflowRuns.createdAt, cutoff)),
      and(
        eq(workflowRuns.status, "running"),
        sql`coalesce(${workflowRuns.startedAt}, ${workflowRuns.createdAt}) < ${at}::timestamptz`,
        noStepActivity,
      ),
      and(eq(workflowRuns.status, "waiting"), lt(workflowRuns.wakeAt, cutoff), noStepActivity),
    ),
  );
}
