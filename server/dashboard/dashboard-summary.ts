import { and, count, desc, eq, gte, max, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { calls, workflowRuns, workflows } from "@/db/schema";
import type { RunStatus } from "@/db/schema/runs";
import { runsOfDay, type RunSeries, type RunsPerDay } from "@/lib/runs-per-day";

export type { RunsPerDay } from "@/lib/runs-per-day";

export const dashboardDays = 14;

/** Which series of the home chart a run's status belongs to: "In progress" is only running and waiting. */
export function runSeriesOf(status: RunStatus): RunSeries {
  switch (status) {
    case "succeeded":
    case "failed":
    case "skipped":
    case "queued":
      return status;
    case "running":
    case "waiting":
      return "inProgress";
  }
}

export type CallsBySource = { source: string; answered: number; missed: number };
export type FailingWorkflow = { id: string; name: string; failures: number; lastFailedAt: Date };

export type DashboardSummary = {
  timeZone: string;
  runsToday: number;
  runsLast7Days: number;
  /** Share of the last 7 days' finished runs that succeeded; null when nothing finished. */
  successRate: number | null;
  /** Real calls only: simulated ones are counted apart (`simulatedCallsLast7Days`) and left out of the sources. */
  callsLast7Days: { total: number; answered: number; missed: number };
  simulatedCallsLast7Days: number;
  callsBySource: CallsBySource[];
  runsPerDay: RunsPerDay[];
  failingWorkflows: FailingWorkflow[];
};

const dayMs = 24 * 60 * 60 * 1000;

/** "YYYY-MM-DD" of `instant` in `timeZone` — the key SQL's `date_trunc(... at time zone)` yields. */
function localDay(instant: Date, timeZone: string) {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** The last `days` local calendar days, oldest first, ending with today. */
function lastLocalDays(now: Date, timeZone: string, days: number) {
  const keys: string[] = [];
  for (let offset = days - 1; offset >= 0; offset -= 1) {
    const key = localDay(new Date(now.getTime() - offset * dayMs), timeZone);
    if (keys.at(-1) !== key) keys.push(key);
  }
  return keys;
}

/**
 * Everything the home page shows, in a handful of indexed aggregate queries. Days are the
 * workspace's calendar days. Test runs are left out (they are not real traffic), and so are
 * simulated calls from the call counts: a marketer reads those as how many people called. The
 * runs a simulated call started did run (texts went to the Outbox), so they are counted as runs.
 */
export async function loadDashboardSummary(
  db: Database,
  organization: { id: string; timezone: string },
  now = new Date(),
): Promise<DashboardSummary> {
  const timeZone = organization.timezone;
  const dayKeys = lastLocalDays(now, timeZone, dashboardDays);
  // A day of margin, then the local-day grouping decides what belongs to which day.
  const windowStart = new Date(now.getTime() - (dashboardDays + 1) * dayMs);
  const weekStart = new Date(now.getTime() - 7 * dayMs);
  const liveRunsOfOrg = and(eq(workflowRuns.organizationId, organization.id), eq(workflowRuns.mode, "live"));
  const localDayOfRun = sql<string>`to_char(${workflowRuns.createdAt} at time zone ${timeZone}, 'YYYY-MM-DD')`;

  const [runDays, weekRuns, callTotals, sourceRows, failing] = await Promise.all([
    db
      .select({ day: localDayOfRun, status: workflowRuns.status, runs: count() })
      .from(workflowRuns)
      .where(and(liveRunsOfOrg, gte(workflowRuns.createdAt, windowStart)))
      // Grouped by position: the time zone is a bound parameter, so a repeated expression would not match.
      .groupBy(sql`1`, workflowRuns.status),
    db
      .select({ status: workflowRuns.status, runs: count() })
      .from(workflowRuns)
      .where(and(liveRunsOfOrg, gte(workflowRuns.createdAt, weekStart)))
      .groupBy(workflowRuns.status),
    db
      .select({ answered: calls.answered, simulated: calls.simulated, calls: count() })
      .from(calls)
      .where(and(eq(calls.organizationId, organization.id), gte(calls.startedAt, weekStart)))
      .groupBy(calls.answered, calls.simulated),
    db
      .select({ source: sql<string>`coalesce(${calls.source}, 'Unknown')`, answered: calls.answered, calls: count() })
      .from(calls)
      .where(and(eq(calls.organizationId, organization.id), eq(calls.simulated, false), gte(calls.startedAt, weekStart)))
      .groupBy(sql`coalesce(${calls.source}, 'Unknown')`, calls.answered),
    db
      .select({ id: workflows.id, name: workflows.name, failures: count(), lastFailedAt: max(workflowRuns.createdAt) })
      .from(workflowRuns)
      .innerJoin(workflows, eq(workflows.id, workflowRuns.workflowId))
      .where(and(liveRunsOfOrg, eq(workflowRuns.status, "failed"), gte(workflowRuns.createdAt, weekStart)))
      .groupBy(workflows.id, workflows.name)
      .orderBy(desc(max(workflowRuns.createdAt)))
      .limit(5),
  ]);

  const perDay = new Map<string, RunsPerDay>(
    dayKeys.map((day) => [day, { day, succeeded: 0, failed: 0, skipped: 0, inProgress: 0, queued: 0 }]),
  );
  for (const row of runDays) {
    const bucket = perDay.get(row.day);
    if (bucket) bucket[runSeriesOf(row.status)] += row.runs;
  }
  const today = perDay.get(dayKeys.at(-1)!)!;

  const weekCount = (status?: string) => weekRuns.filter((row) => !status || row.status === status).reduce((sum, row) => sum + row.runs, 0);
  const finished = weekCount("succeeded") + weekCount("failed");

  const realCalls = callTotals.filter((row) => !row.simulated);
  const answered = realCalls.filter((row) => row.answered === true).reduce((sum, row) => sum + row.calls, 0);
  const total = realCalls.reduce((sum, row) => sum + row.calls, 0);
  const simulatedCalls = callTotals.filter((row) => row.simulated).reduce((sum, row) => sum + row.calls, 0);

  const sources = new Map<string, CallsBySource>();
  for (const row of sourceRows) {
    const entry = sources.get(row.source) ?? { source: row.source, answered: 0, missed: 0 };
    if (row.answered === true) entry.answered += row.calls;
    else entry.missed += row.calls;
    sources.set(row.source, entry);
  }

  return {
    timeZone,
    runsToday: runsOfDay(today),
    runsLast7Days: weekCount(),
    successRate: finished === 0 ? null : weekCount("succeeded") / finished,
    callsLast7Days: { total, answered, missed: total - answered },
    simulatedCallsLast7Days: simulatedCalls,
    callsBySource: [...sources.values()].sort((a, b) => b.answered + b.missed - (a.answered + a.missed)),
    runsPerDay: [...perDay.values()],
    failingWorkflows: failing.map((row) => ({ ...row, lastFailedAt: row.lastFailedAt ?? now })),
  };
}
