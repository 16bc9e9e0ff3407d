import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { normalizePhoneNumber } from "./phone-number";

export type OutgoingSms = {
  organizationId: string;
  /** The caller's number; normalised to E.164 (default country US) before sending. */
  to: string;
  /** The tracking number (or the org's default sender). */
  from: string;
  body: string;
  /** run id + node id: a second call with the same key never sends a second text. */
  idempotencyKey: string;
  runId?: string;
  nodeId?: string;
};

export type SentSms = {
  status: "sent" | "simulated";
  providerMessageId?: string;
  outboxId: string;
};

export type SmsSender = (message: OutgoingSms) => Promise<SentSms>;

/**
 * A text that was not sent. `permanent` means retrying cannot help (invalid number, opted out,
 * any 4xx other than 408/429): the workflow step fails at once. Otherwise the step retries.
 */
export class SmsDeliveryError extends Error {
  readonly permanent: boolean;
  /** The provider's error code (Twilio's, e.g. 21610), when there is one. */
  readonly code?: number;
  /** The provider's HTTP status, when it answered. */
  readonly status?: number;

  constructor(message: string, options: { permanent: boolean; code?: number; status?: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "SmsDeliveryError";
    this.permanent = options.permanent;
    this.code = options.code;
    this.status = options.status;
  }
}

/** How one provider hands a normalised message over; throws SmsDeliveryError on failure. */
export type SmsTransport = {
  provider: "twilio" | "outbox";
  /** Receives the message with `to` already in E.164. */
  deliver: (message: OutgoingSms) => Promise<{ status: SentSms["status"]; providerMessageId?: string }>;
};

/**
 * The part every SMS sender shares: one `outbox_messages` row per message (keyed by the
 * idempotency key), no second send for a key that was already sent, and failures recorded
 * on the row before they are thrown.
 *
 * A key whose earlier attempt failed is tried again and its row updated. Two calls with the
 * same key at the same moment could both reach the provider (the durable executor runs one
 * attempt of a step at a time, so this is not expected); they still leave a single row.
 */
export function createSmsSenderWith(transport: SmsTransport, db: Queryable): SmsSender {
  return async (message) => {
    const [existing] = await db
      .select({
        id: outboxMessages.id,
        organizationId: outboxMessages.organizationId,
        status: outboxMessages.status,
        providerMessageId: outboxMessages.providerMessageId,
      })
      .from(outboxMessages)
      .where(eq(outboxMessages.idempotencyKey, message.idempotencyKey))
      .limit(1);
    if (existing && existing.organizationId !== message.organizationId) {
      // Keys are run id + node id, unique across organizations; a clash is a bug, never a reason to share a row.
      throw new Error(`Idempotency key ${message.idempotencyKey} already belongs to another organization's message`);
    }
    if (existing && (existing.status === "sent" || existing.status === "simulated")) {
      return { status: existing.status, providerMessageId: existing.providerMessageId ?? undefined, outboxId: existing.id };
    }

    const normalized = normalizePhoneNumber(message.to);
    if (!normalized.ok) {
      const error = new SmsDeliveryError(normalized.error, { permanent: true });
      await record(db, transport.provider, message, message.to, { status: "failed", error: error.message });
      throw error;
    }
    const to = normalized.number;

    let result: { status: SentSms["status"]; providerMessageId?: string };
    try {
      result = await transport.deliver({ ...message, to });
    } catch (cause) {
      const error =
        cause instanceof SmsDeliveryError
          ? cause
          : new SmsDeliveryError(`The text could not be sent: ${cause instanceof Error ? cause.message : String(cause)}`, {
              permanent: false,
              cause,
            });
      await record(db, transport.provider, message, to, {
        status: "failed",
        error: error.code ? `${error.message} (Twilio error ${error.code})` : error.message,
      });
      throw error;
    }

    const outboxId = await record(db, transport.provider, message, to, { status: result.status, providerMessageId: result.providerMessageId });
    return { status: result.status, providerMessageId: result.providerMessageId, outboxId };
  };
}

/**
 * Inserts the message's row, or updates the row of an earlier failed attempt with the same key.
 * A row that is already sent is never overwritten; its id is returned.
 */
async function record(
  db: Queryable,
  provider: SmsTransport["provider"],
  message: OutgoingSms,
  to: string,
  outcome: { status: "sent" | "simulated" | "failed"; providerMessageId?: string; error?: string },
): Promise<string> {
  const values = {
    organizationId: message.organizationId,
    category: "workflow" as const,
    channel: "sms" as const,
    to,
    from: message.from,
    body: message.body,
    status: outcome.status,
    provider,
    providerMessageId: outcome.providerMessageId ?? null,
    error: outcome.error ?? null,
    idempotencyKey: message.idempotencyKey,
    runId: message.runId ?? null,
    nodeId: message.nodeId ?? null,
  };
  const [row] = await db
    .insert(outboxMessages)
    .values(values)
    .onConflictDoUpdate({
      target: outboxMessages.idempotencyKey,
      set: {
        to: values.to,
        from: values.from,
        body: values.body,
        status: values.status,
        provider: values.provider,
        providerMessageId: values.providerMessageId,
        error: values.error,
        // The row dates from this attempt, so the daily cap counts a text when it was actually sent.
        createdAt: sql`now()`,
      },
      setWhere: eq(outboxMessages.status, "failed"),
    })
    .returning({ id: outboxMessages.id });
  if (row) return row.id;

  const [kept] = await db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(eq(outboxMessages.idempotencyKey, message.idempotencyKey))
    .limit(1);
  return kept!.id;
}
