import { and, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { events, workflowRuns, workflows, type RunStatus } from "@/db/schema";
import { looksLikePhoneNumber, phoneDigits } from "@/engine";
import { normalizePhoneNumber } from "../phone-numbers/phone-number";

export type RunListFilters = {
  workflowId?: string;
  status?: RunStatus;
  eventType?: string;
  /** Runs created at or after this instant. */
  from?: Date;
  /** Runs created before this instant. */
  to?: Date;
  callerNumber?: string;
  /** Caller number or name, or workflow name. */
  search?: string;
};

/**
 * Where the previous page ended. The time is PostgreSQL's own text of `created_at`: a JavaScript
 * Date keeps milliseconds only, and a cursor rounded to them would skip rows in between.
 */
export type RunListCursor = { createdAt: string; id: string };

export type RunListPage = Awaited<ReturnType<typeof listRunsPage>>;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The spellings a caller number may be stored under: as typed, in E.164, and as "+digits". */
function callerNumberSpellings(value: string): string[] {
  const typed = value.trim();
  const spellings = new Set([typed]);
  const normalized = normalizePhoneNumber(typed);
  if (normalized.ok) spellings.add(normalized.number);
  const digits = phoneDigits(typed);
  if (digits) spellings.add(`+${digits}`);
  return [...spellings];
}

function searchCondition(organizationId: string, db: Queryable, search: string): SQL {
  const pattern = `%${escapeLike(search)}%`;
  const matchingWorkflows = db
    .select({ id: workflows.id })
    .from(workflows)
    .where(and(eq(workflows.organizationId, organizationId), ilike(workflows.name, pattern)));
  const digits = phoneDigits(search);
  return or(
    ilike(workflowRuns.callerName, pattern),
    inArray(workflowRuns.workflowId, matchingWorkflows),
    looksLikePhoneNumber(search) ? sql`regexp_replace(${workflowRuns.callerNumber}, '[^0-9]', '', 'g') like ${`%${digits}%`}` : undefined,
  )!;
}

/** Every filter as one condition on workflow_runs alone, so each can be served by an index. */
export function runListCondition(db: Queryable, organizationId: string, filters: RunListFilters): SQL {
  const search = filters.search?.trim();
  return and(
    eq(workflowRuns.organizationId, organizationId),
    filters.workflowId ? eq(workflowRuns.workflowId, filters.workflowId) : undefined,
    filters.status ? eq(workflowRuns.status, filters.status) : undefined,
    filters.eventType ? eq(workflowRuns.eventType, filters.eventType) : undefined,
    filters.from ? gte(workflowRuns.createdAt, filters.from) : undefined,
    filters.to ? lt(workflowRuns.createdAt, filters.to) : undefined,
    filters.callerNumber?.trim() ? inArray(workflowRuns.callerNumber, callerNumberSpellings(filters.callerNumber)) : undefined,
    search ? searchCondition(organizationId, db, search) : undefined,
  )!;
}

/** Actions that ran and succeeded, in order (a delay is waiting, not an action taken). */
const actionsTaken = sql<string[]>`(
  select coalesce(json_agg(s.node_kind order by s.finished_at, s.id), '[]'::json)
  from run_steps s
  where s.run_id = ${workflowRuns.id} and s.status = 'succeeded' and s.node_kind like 'action.%' and s.node_kind <> 'action.delay'
)`;

type ListOptions = { filters: RunListFilters; cursor?: RunListCursor | null; limit: number };

/** The page query itself, unawaited (so a test can EXPLAIN it): one row more than asked, to know whether more follow. */
export function runListQuery(db: Queryable, organizationId: string, { filters, cursor, limit }: ListOptions) {
  return db
    .select({
      id: workflowRuns.id,
      status: workflowRuns.status,
      mode: workflowRuns.mode,
      createdAt: workflowRuns.createdAt,
      cursorTime: sql<string>`${workflowRuns.createdAt}::text`,
      startedAt: workflowRuns.startedAt,
      finishedAt: workflowRuns.finishedAt,
      error: workflowRuns.error,
      replayOfRunId: workflowRuns.replayOfRunId,
      workflowId: workflows.id,
      workflowName: workflows.name,
      // Runs created before these columns existed (or by code that does not fill them) fall back to the event.
      eventType: sql<string>`coalesce(${workflowRuns.eventType}, ${events.type})`,
      callerNumber: sql<string | null>`coalesce(${workflowRuns.callerNumber}, ${events.payload} -> 'caller' ->> 'phone_number')`,
      callerName: sql<string | null>`coalesce(${workflowRuns.callerName}, ${events.payload} -> 'caller' ->> 'name')`,
      actionsTaken,
    })
    .from(workflowRuns)
    .innerJoin(workflows, eq(workflows.id, workflowRuns.workflowId))
    .innerJoin(events, eq(events.id, workflowRuns.eventId))
    .where(
      and(
        runListCondition(db, organizationId, filters),
        cursor ? sql`(${workflowRuns.createdAt}, ${workflowRuns.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id})` : undefined,
      ),
    )
    .orderBy(desc(workflowRuns.createdAt), desc(workflowRuns.id))
    .limit(limit + 1);
}

/**
 * Newest first, keyset-paginated on (created_at, id): page 4,000 costs what page 1 does, and a
 * run created while someone pages never shifts or repeats a row.
 */
export async function listRunsPage(db: Queryable, organizationId: string, options: ListOptions) {
  const rows = await runListQuery(db, organizationId, options);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    runs: page.map(({ cursorTime: _cursorTime, ...run }) => run),
    nextCursor: rows.length > options.limit && last ? { createdAt: last.cursorTime, id: last.id } : null,
  };
}
