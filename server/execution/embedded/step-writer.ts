import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { createGroupCommit } from "@/db/group-commit";
import { insertFromJson } from "@/db/insert-from-json";
import { runSteps, workflowRuns } from "@/db/schema";
import type { runTransitions } from "../run-transitions";

export type StepRow = typeof runSteps.$inferSelect;

/**
 * How a run leaves this process: finished, or parked until `wakeAt` (the transitions of those
 * names, staged into the next batch). Either way its lease is released.
 */
export type RunRelease = { runId: string } & (ReturnType<typeof runTransitions.finished> | ReturnType<typeof runTransitions.parked>);

type Write = { rows: StepRow[]; release?: RunRelease };

// A batch travels as one JSON parameter (see insertFromJson): building a VALUES list of hundreds
// of parameters costs the app server more CPU than the database spends on the statement.
function upsertStepsQuery(rows: StepRow[]) {
  return sql`
    ${insertFromJson(runSteps, rows)}
    on conflict (run_id, node_id) do update set
      status = excluded.status, branch = excluded.branch, input = excluded.input, output = excluded.output,
      error = excluded.error, memo = excluded.memo, attempt = excluded.attempt, attempts = excluded.attempts, wake_at = excluded.wake_at,
      started_at = excluded.started_at, finished_at = excluded.finished_at`;
}

function releaseRunsQuery(releases: RunRelease[]) {
  const json = JSON.stringify(
    releases.map((release) => ({
      id: release.runId,
      status: release.status,
      error: release.error,
      finished_at: release.finishedAt,
      wake_at: release.wakeAt,
      locked_until: release.lockedUntil,
      locked_by: release.lockedBy,
    })),
  );
  return sql`
    update ${workflowRuns}
    set status = released.status, error = released.error, finished_at = released.finished_at,
        wake_at = released.wake_at, locked_until = released.locked_until, locked_by = released.locked_by
    from jsonb_to_recordset(${json}::jsonb) as released (id text, status text, error text, finished_at timestamptz, wake_at timestamptz, locked_until timestamptz, locked_by text)
    where ${workflowRuns.id} = released.id`;
}

/**
 * The embedded executor's writer: the step rows and run releases of every run in flight go to
 * the database together (group commit), one statement per batch, while each run
 * still waits for its own write before it goes on.
 */
export function createStepWriter(db: Database, options: { maxInFlight?: number } = {}) {
  const commit = createGroupCommit(
    async (writes: Write[]) => {
      const rows = writes.flatMap((write) => write.rows);
      const releases = writes.flatMap((write) => (write.release ? [write.release] : []));
      const upsertSteps = rows.length === 0 ? undefined : upsertStepsQuery(rows);
      const releaseRuns = releases.length === 0 ? undefined : releaseRunsQuery(releases);
      // Both in one statement when there are both: a data-modifying WITH runs even though nothing reads it.
      const statement = upsertSteps && releaseRuns ? sql`with steps as (${upsertSteps}) ${releaseRuns}` : (upsertSteps ?? releaseRuns);
      if (statement) await db.execute(statement);
      return writes.map(() => undefined);
    },
    { maxBatch: 100, maxInFlight: options.maxInFlight ?? 2 },
  );
  return { write: (write: Write) => commit.add(write) };
}

export type StepWriter = ReturnType<typeof createStepWriter>;
