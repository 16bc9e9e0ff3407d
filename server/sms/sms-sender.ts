import type { Queryable } from "@/db/client";
import { DeliveryError, deliveredUnderKey, recordDeliveryAttempt } from "../outbox/outbox-delivery";
import { normalizePhoneNumber } from "../phone-numbers/phone-number";

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

/** A text that was not sent (permanent: an invalid number, opted out, any 4xx other than 408/429). */
export class SmsDeliveryError extends DeliveryError {
  /** The provider's error code (Twilio's, e.g. 21610), when there is one. */
  readonly code?: number;
  /** The provider's HTTP status, when it answered. */
  readonly status?: number;

  constructor(message: string, options: { permanent: boolean; code?: number; status?: number; cause?: unknown }) {
    super(message, options);
    this.name = "SmsDeliveryError";
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
 * The part every SMS sender shares: delivered once per idempotency key through the outbox
 * (outbox-delivery: a key already sent is not sent again, a failed one is tried again), and
 * failures recorded on the row before they are thrown.
 */
export function createSmsSenderWith(transport: SmsTransport, db: Queryable): SmsSender {
  return async (message) => {
    const delivered = await deliveredUnderKey(db, message.idempotencyKey, message.organizationId);
    if (delivered) {
      return {
        status: delivered.status as SentSms["status"],
        providerMessageId: delivered.providerMessageId ?? undefined,
        outboxId: delivered.id,
      };
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

    const outboxId = await record(db, transport.provider, message, to, {
      status: result.status,
      providerMessageId: result.providerMessageId,
    });
    return { status: result.status, providerMessageId: result.providerMessageId, outboxId };
  };
}

/** Stores the attempt in the outbox (see outbox-delivery); the id of the row that stands. */
async function record(
  db: Queryable,
  provider: SmsTransport["provider"],
  message: OutgoingSms,
  to: string,
  outcome: { status: "sent" | "simulated" | "failed"; providerMessageId?: string; error?: string },
): Promise<string> {
  const { row } = await recordDeliveryAttempt(db, {
    organizationId: message.organizationId,
    category: "workflow",
    channel: "sms",
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
  });
  return row.id;
}
