import { and, asc, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { calls, events, trackingNumbers, workflowRuns, workflows } from "@/db/schema";
import { callOutcome } from "./call-filters";

/** One call of the organization with the events it produced and the runs they started; null when it isn't theirs. */
export async function getCall(db: Queryable, organizationId: string, callId: string) {
  const [row] = await db
    .select({ call: calls, trackingNumberLabel: trackingNumbers.label })
    .from(calls)
    .leftJoin(
      trackingNumbers,
      and(eq(trackingNumbers.phoneNumber, calls.trackingNumber), eq(trackingNumbers.organizationId, calls.organizationId)),
    )
    .where(and(eq(calls.id, callId), eq(calls.organizationId, organizationId)))
    .limit(1);
  if (!row) return null;

  const callEvents = await db
    .select({ id: events.id, type: events.type, source: events.source, payload: events.payload, receivedAt: events.receivedAt })
    .from(events)
    .where(and(eq(events.organizationId, organizationId), eq(events.callId, callId)))
    .orderBy(asc(events.receivedAt), asc(events.id));
  const runs = await db
    .select({
      id: workflowRuns.id,
      status: workflowRuns.status,
      mode: workflowRuns.mode,
      createdAt: workflowRuns.createdAt,
      finishedAt: workflowRuns.finishedAt,
      error: workflowRuns.error,
      workflowId: workflows.id,
      workflowName: workflows.name,
      eventType: events.type,
    })
    .from(workflowRuns)
    .innerJoin(events, eq(events.id, workflowRuns.eventId))
    .innerJoin(workflows, eq(workflows.id, workflowRuns.workflowId))
    .where(and(eq(events.organizationId, organizationId), eq(events.callId, callId), eq(workflowRuns.organizationId, organizationId)))
    .orderBy(desc(workflowRuns.createdAt), desc(workflowRuns.id));
  return {
    call: { ...row.call, trackingNumberLabel: row.trackingNumberLabel, outcome: callOutcome(row.call) },
    events: callEvents,
    runs,
  };
}

export type CallDetail = NonNullable<Awaited<ReturnType<typeof getCall>>>;
