import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { createGroupCommit } from "@/db/group-commit";
import { runSteps, workflowRuns, type RunStatus } from "@/db/schema";

export type StepRow = typeof runSteps.$inferSelect;

/** How a run leaves this process: finished, or parked until `wakeAt`. Either way its lease is released. */
export type RunRelease = { runId: string; status: RunStatus; error: string | null; finishedAt: Date | null; wakeAt: Date | null };

type Write = { rows: StepRow[]; release?: RunRelease };

const fromExcluded = (column: string) => sql.raw(`excluded.${column}`);

function upsertStepsQuery(db: Database, rows: StepRow[]) {
  return db
    .insert(runSteps)
    .values(rows)
    .onConflictDoUpdate({
      target: [runSteps.runId, runSteps.nodeId],
      set: {
        status: fromExcluded("status"),
        branch: fromExcluded("branch"),
        input: fromExcluded("input"),
        output: fromExcluded("output"),
        error: fromExcluded("error"),
        memo: fromExcluded("memo"),
        attempt: fromExcluded("attempt"),
        wakeAt: fromExcluded("wake_at"),
        startedAt: fromExcluded("started_at"),
        finishedAt: fromExcluded("finished_at"),
      },
    });
}

function releaseRunsQuery(releases: RunRelease[]) {
  const values = sql.join(
    releases.map(
      (release) =>
        sql`(${release.runId}, ${release.status}, ${release.error}, ${release.finishedAt?.toISOString() ?? null}, ${release.wakeAt?.toISOString() ?? null})`,
    ),
    sql`, `,
  );
  return sql`
    update ${workflowRuns}
    set status = released.status, error = released.error, finished_at = released.finished_at::timestamptz,
        wake_at = released.wake_at::timestamptz, locked_until = null
    from (values ${values}) as released (id, status, error, finished_at, wake_at)
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
      const upsertSteps = rows.length === 0 ? undefined : upsertStepsQuery(db, rows);
      if (releases.length === 0) {
        if (upsertSteps) await upsertSteps;
      } else {
        // One statement for both: the steps (a data-modifying WITH runs even though nothing reads it), then the runs.
        await db.execute(sql`${upsertSteps ? sql`with steps as (${upsertSteps.getSQL()}) ` : sql``}${releaseRunsQuery(releases)}`);
      }
      return writes.map(() => undefined);
    },
    { maxBatch: 100, maxInFlight: options.maxInFlight ?? 2 },
  );
  return { write: (write: Write) => commit.add(write) };
}

export type StepWriter = ReturnType<typeof createStepWriter>;
