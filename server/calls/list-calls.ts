import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { calls, events, trackingNumbers, workflowRuns } from "@/db/schema";
import type { CallFilters } from "@/lib/call-filters";
import { callFilterConditions, callOutcome } from "./call-filters";

export type CallCursor = { startedAt: Date; id: string };

/** How many workflow runs the call's events started (live runs and replays). */
export const runsCountOfCall = sql<number>`(
  select count(*)::int from ${workflowRuns}
  inner join ${events} on ${events.id} = ${workflowRuns.eventId}
  where ${events.callId} = ${calls.id} and ${events.organizationId} = ${calls.organizationId}
)`.mapWith(Number);

/**
 * One page of an organization's calls, newest first, keyset-paginated on (started_at, id) so
 * page 1,000 costs what page 1 does.
 */
export async function listCalls(
  db: Queryable,
  input: { organizationId: string; timezone: string; filters: CallFilters; limit: number; cursor?: CallCursor | null },
) {
  const { cursor } = input;
  const rows = await db
    .select({
      id: calls.id,
      externalId: calls.externalId,
      direction: calls.direction,
      callerNumber: calls.callerNumber,
      callerName: calls.callerName,
      callerCity: calls.callerCity,
      callerState: calls.callerState,
      trackingNumber: calls.trackingNumber,
      trackingNumberLabel: trackingNumbers.label,
      source: calls.source,
      status: calls.status,
      answered: calls.answered,
      durationSeconds: calls.durationSeconds,
      startedAt: calls.startedAt,
      endedAt: calls.endedAt,
      tags: calls.tags,
      simulated: calls.simulated,
      runsCount: runsCountOfCall,
    })
    .from(calls)
    .leftJoin(
      trackingNumbers,
      and(eq(trackingNumbers.phoneNumber, calls.trackingNumber), eq(trackingNumbers.organizationId, calls.organizationId)),
    )
    .where(
      and(
        callFilterConditions(input.organizationId, input.filters, input.timezone),
        cursor ? or(lt(calls.startedAt, cursor.startedAt), and(eq(calls.startedAt, cursor.startedAt), lt(calls.id, cursor.id))) : undefined,
      ),
    )
    .orderBy(desc(calls.startedAt), desc(calls.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit).map((row) => ({ ...row, outcome: callOutcome(row) }));
  const last = page.at(-1);
  return { calls: page, nextCursor: rows.length > input.limit && last ? { startedAt: last.startedAt, id: last.id } : null };
}

export type CallListItem = Awaited<ReturnType<typeof listCalls>>["calls"][number];
