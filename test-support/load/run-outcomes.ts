import postgres from "postgres";
import type { StepAttempt } from "@/db/schema";

export type RunOutcome = {
  eventKey: string;
  runId: string | null;
  workflowId: string | null;
  status: string | null;
  finishedAt: Date | null;
  /** The tries of the run's webhook step (`hook`), oldest first. */
  hookAttempts: StepAttempt[];
};

/** Every event of an organization with its runs (one row per run; an event without a run has one row of nulls). */
export async function runOutcomes(databaseUrl: string, organizationId: string): Promise<RunOutcome[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<
      {
        event_key: string;
        run_id: string | null;
        workflow_id: string | null;
        status: string | null;
        finished_at: Date | null;
        attempts: StepAttempt[] | null;
      }[]
    >`
      select e.idempotency_key as event_key, r.id as run_id, r.workflow_id, r.status, r.finished_at, s.attempts
      from events e
      left join workflow_runs r on r.event_id = e.id
      left join run_steps s on s.run_id = r.id and s.node_id = 'hook'
      where e.organization_id = ${organizationId}`;
    return rows.map((row) => ({
      eventKey: row.event_key,
      runId: row.run_id,
      workflowId: row.workflow_id,
      status: row.status,
      finishedAt: row.finished_at,
      hookAttempts: row.attempts ?? [],
    }));
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Outcomes grouped by event key. */
export function runsByEvent(outcomes: RunOutcome[]): Map<string, RunOutcome[]> {
  const byEvent = new Map<string, RunOutcome[]>();
  for (const outcome of outcomes) {
    const runs = byEvent.get(outcome.eventKey) ?? [];
    if (outcome.runId) runs.push(outcome);
    byEvent.set(outcome.eventKey, runs);
  }
  return byEvent;
}
