import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { outboxMessages, type OutboxStatus } from "@/db/schema";

/**
 * Delivered once per idempotency key, for texts and emails alike: every message is one
 * `outbox_messages` row keyed by its idempotency key. Before sending, `deliveredUnderKey` finds a
 * key that was already delivered (sent or simulated): it is not sent again. After the attempt,
 * `recordDeliveryAttempt` stores it: a new row, or the row of an earlier failed attempt
 * overwritten; a delivered row is never overwritten.
 *
 * Two senders of one key at the same moment could both reach the provider (the durable executor
 * runs one attempt of a step at a time, so this is not expected); they still leave a single row,
 * and the first delivered one stands.
 */
export type OutboxRowRef = { id: string; status: OutboxStatus; providerMessageId: string | null };

export type OutboxRowValues = typeof outboxMessages.$inferInsert & { status: OutboxStatus };

/**
 * A message (text or email) that was not delivered. `permanent` means retrying cannot help (the
 * provider refused it: an invalid number, a bad sender…), so the workflow step fails at once;
 * otherwise (429, 5xx, network) the step retries with backoff. Recorded on the outbox row first.
 */
export class DeliveryError extends Error {
  readonly permanent: boolean;

  constructor(message: string, options: { permanent: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "DeliveryError";
    this.permanent = options.permanent;
  }
}

async function rowUnderKey(db: Queryable, idempotencyKey: string) {
  const [row] = await db
    .select({
      id: outboxMessages.id,
      organizationId: outboxMessages.organizationId,
      status: outboxMessages.status,
      providerMessageId: outboxMessages.providerMessageId,
    })
    .from(outboxMessages)
    .where(eq(outboxMessages.idempotencyKey, idempotencyKey))
    .limit(1);
  return row;
}

/** The row of a message already delivered under this key, or null when it must be (re)sent. */
export async function deliveredUnderKey(
  db: Queryable,
  idempotencyKey: string,
  organizationId: string | null,
): Promise<OutboxRowRef | null> {
  const existing = await rowUnderKey(db, idempotencyKey);
  if (!existing) return null;
  if (existing.organizationId !== organizationId) {
    // Keys are unique across organizations (run id + node id…); a clash is a bug, never a reason to share a row.
    throw new Error(`Idempotency key ${idempotencyKey} already belongs to another organization's message`);
  }
  return existing.status === "failed" ? null : { id: existing.id, status: existing.status, providerMessageId: existing.providerMessageId };
}

/**
 * Stores one attempt under its key. `stored` is false when another attempt's delivered row was
 * there first and stands (the race above); `row` is then that row.
 */
export async function recordDeliveryAttempt(db: Queryable, values: OutboxRowValues): Promise<{ row: OutboxRowRef; stored: boolean }> {
  const [row] = await db
    .insert(outboxMessages)
    .values(values)
    .onConflictDoUpdate({
      target: outboxMessages.idempotencyKey,
      // The row dates from this attempt, so the daily SMS cap counts a text when it was actually sent.
      set: { ...values, createdAt: sql`now()` },
      setWhere: eq(outboxMessages.status, "failed"),
    })
    .returning({ id: outboxMessages.id, status: outboxMessages.status, providerMessageId: outboxMessages.providerMessageId });
  // Without a key nothing conflicts: the row was inserted.
  if (row || !values.idempotencyKey) return { row: row!, stored: true };
  const kept = await rowUnderKey(db, values.idempotencyKey);
  if (!kept) throw new Error(`The outbox row for ${values.idempotencyKey} vanished while it was being sent; send again`);
  return { row: { id: kept.id, status: kept.status, providerMessageId: kept.providerMessageId }, stored: false };
}
