import { and, desc, eq, inArray, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { events } from "@/db/schema";
import { triggerTypesSatisfiedBy, workflowEventSchema, type EventType, type WorkflowEvent } from "@/engine";

export type RecentEvent = { id: string; receivedAt: Date; source: string; payload: WorkflowEvent };

// An answered or missed call arrives as a `call.completed` and fires those triggers too.
function storedTypesFor(eventType: EventType): string[] {
  return eventType === "call.answered" || eventType === "call.missed" ? [eventType, "call.completed"] : [eventType];
}

/** The organization's latest real events that would fire a trigger of this type (test samples excluded). */
export async function listRecentEvents(db: Queryable, organizationId: string, eventType: EventType, limit = 10): Promise<RecentEvent[]> {
  const rows = await db
    .select({ id: events.id, receivedAt: events.receivedAt, source: events.source, payload: events.payload })
    .from(events)
    .where(and(eq(events.organizationId, organizationId), inArray(events.type, storedTypesFor(eventType)), ne(events.source, "test")))
    .orderBy(desc(events.receivedAt), desc(events.id))
    .limit(limit * 4);
  const recent: RecentEvent[] = [];
  for (const row of rows) {
    const parsed = workflowEventSchema.safeParse(row.payload);
    if (!parsed.success || !triggerTypesSatisfiedBy(parsed.data).includes(eventType)) continue;
    recent.push({ id: row.id, receivedAt: row.receivedAt, source: row.source, payload: parsed.data });
    if (recent.length === limit) break;
  }
  return recent;
}
