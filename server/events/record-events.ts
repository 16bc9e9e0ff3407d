import { and, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { newId } from "@/db/ids";
import { insertFromJson } from "@/db/insert-from-json";
import { queryRows } from "@/db/query-rows";
import { events, type EventSource } from "@/db/schema";
import type { WorkflowEvent } from "@/engine";

export type RecordedEvent = { eventId: string; duplicate: boolean };

export type EventToRecord = {
  organization: { id: string; name: string };
  source: EventSource;
  idempotencyKey: string;
  event: WorkflowEvent;
  callId?: string | null;
};

/**
 * Stores events once per (organization, idempotency key), in one statement, so a list is stored
 * whole or not at all. The payload gets our event id and the organization as the server knows
 * it — never as the sender claims it. Results are in the order given.
 */
export async function recordEvents(db: Queryable, inputs: EventToRecord[]): Promise<RecordedEvent[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input) => {
    const id = newId("evt");
    const payload: WorkflowEvent = { ...input.event, id, organization: { id: input.organization.id, name: input.organization.name } };
    return {
      id,
      organizationId: input.organization.id,
      type: payload.type,
      source: input.source,
      idempotencyKey: input.idempotencyKey,
      payload,
      callId: input.callId ?? null,
    };
  });
  const inserted = await queryRows<{ id: string }>(
    db,
    sql`${insertFromJson(events, rows)} on conflict (organization_id, idempotency_key) do nothing returning id`,
  );
  const insertedIds = new Set(inserted.map((row) => row.id));
  if (insertedIds.size === rows.length) return rows.map((row) => ({ eventId: row.id, duplicate: false }));

  // Repeated keys (sent before, or twice in this batch) resolve to the event stored first.
  const repeated = rows.filter((row) => !insertedIds.has(row.id));
  const existing = await db
    .select({ id: events.id, organizationId: events.organizationId, idempotencyKey: events.idempotencyKey })
    .from(events)
    .where(
      and(
        inArray(events.organizationId, [...new Set(repeated.map((row) => row.organizationId))]),
        inArray(events.idempotencyKey, [...new Set(repeated.map((row) => row.idempotencyKey))]),
      ),
    );
  const idByKey = new Map(existing.map((row) => [`${row.organizationId} ${row.idempotencyKey}`, row.id]));
  return rows.map((row) =>
    insertedIds.has(row.id)
      ? { eventId: row.id, duplicate: false }
      : { eventId: idByKey.get(`${row.organizationId} ${row.idempotencyKey}`)!, duplicate: true },
  );
}

export async function recordEvent(db: Queryable, input: EventToRecord): Promise<RecordedEvent> {
  const [recorded] = await recordEvents(db, [input]);
  return recorded!;
}
