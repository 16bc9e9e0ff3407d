import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { newId } from "@/db/ids";
import { events, type EventSource } from "@/db/schema";
import type { WorkflowEvent } from "@/engine";

export type RecordedEvent = { eventId: string; duplicate: boolean };

/**
 * Stores an event once per (organization, idempotency key). The payload gets our event id and
 * the organization as the server knows it — never as the sender claims it.
 */
export async function recordEvent(
  db: Queryable,
  input: {
    organization: { id: string; name: string };
    source: EventSource;
    idempotencyKey: string;
    event: WorkflowEvent;
    callId?: string | null;
  },
): Promise<RecordedEvent> {
  const eventId = newId("evt");
  const payload: WorkflowEvent = {
    ...input.event,
    id: eventId,
    organization: { id: input.organization.id, name: input.organization.name },
  };
  const inserted = await db
    .insert(events)
    .values({
      id: eventId,
      organizationId: input.organization.id,
      type: payload.type,
      source: input.source,
      idempotencyKey: input.idempotencyKey,
      payload,
      callId: input.callId ?? null,
    })
    .onConflictDoNothing({ target: [events.organizationId, events.idempotencyKey] })
    .returning({ id: events.id });
  if (inserted.length > 0) return { eventId, duplicate: false };

  const [existing] = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.organizationId, input.organization.id), eq(events.idempotencyKey, input.idempotencyKey)))
    .limit(1);
  return { eventId: existing!.id, duplicate: true };
}
