import { Resend, type ErrorResponse } from "resend";
import type { Queryable } from "@/db/client";
import type { OutboxCategory, OutboxStatus } from "@/db/schema";
import type { EmailConfig } from "../config/app-config";
import { DeliveryError, deliveredUnderKey, recordDeliveryAttempt, type OutboxRowRef } from "../outbox/outbox-delivery";
import { carriesSecretLink, removedLinkNote, replaceLinks } from "./secret-links";

export type OutgoingEmail = {
  organizationId?: string | null;
  category: OutboxCategory;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * The link the email asks the reader to follow. Kept in the outbox unless it grants access
   * (sign-in, invitation) and the local mailbox is not how the email is delivered.
   */
  actionUrl?: string;
  /** Passed to the provider so a retried send is delivered once. */
  idempotencyKey?: string;
};

export type SentEmail = { outboxId: string; status: OutboxStatus; providerMessageId?: string };

export type EmailSender = (email: OutgoingEmail) => Promise<SentEmail>;

/** An email that was not sent (permanent: Resend refused the request — validation, bad sender, bad key…). */
export class EmailDeliveryError extends DeliveryError {
  /** HTTP status Resend answered with; undefined when it could not be reached. */
  readonly statusCode?: number;
  /** Resend's error name, e.g. `validation_error`. */
  readonly providerError?: string;

  constructor(message: string, options: { permanent: boolean; statusCode?: number; providerError?: string; cause?: unknown }) {
    super(message, options);
    this.name = "EmailDeliveryError";
    this.statusCode = options.statusCode;
    this.providerError = options.providerError;
  }
}

/** Resend errors that can succeed later whatever their status says. */
const transientResendErrors = new Set([
  "concurrent_idempotent_requests",
  "rate_limit_exceeded",
  "daily_quota_exceeded",
  "monthly_quota_exceeded",
  "application_error",
  "internal_server_error",
]);

/** Whether a Resend error can never succeed on retry: 4xx other than 408/429, or a known refusal. */
export function isPermanentResendError(error: Pick<ErrorResponse, "name" | "statusCode">): boolean {
  if (transientResendErrors.has(error.name)) return false;
  const status = error.statusCode;
  if (typeof status !== "number") return false;
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * Every email is recorded in the outbox. With Resend configured it is also delivered; with the
 * local mailbox on, the outbox (and the server log) is the delivery, so nobody needs an account
 * anywhere. The outbox keeps a sign-in or invitation link only in that last case.
 * A failed delivery is recorded with status `failed`, then thrown as an EmailDeliveryError.
 */
export function createEmailSender(config: EmailConfig, db: Queryable): EmailSender {
  const resend = config.kind === "resend" ? new Resend(config.apiKey, { baseUrl: config.baseUrl }) : undefined;

  return async (email) => {
    // A retried step must not deliver (or record) the same email twice.
    if (email.idempotencyKey) {
      const delivered = await deliveredUnderKey(db, email.idempotencyKey, email.organizationId ?? null);
      if (delivered) return sentEmailOf(delivered);
    }
    const linkNote = carriesSecretLink(email.category) ? removedLinkNote(config) : undefined;
    let status: OutboxStatus = "simulated";
    let providerMessageId: string | undefined;
    let failure: EmailDeliveryError | undefined;

    if (resend) {
      try {
        const result = await resend.emails.send(
          { from: config.from, to: email.to, subject: email.subject, text: email.text, html: email.html },
          email.idempotencyKey ? { idempotencyKey: email.idempotencyKey } : undefined,
        );
        if (result.error) {
          failure = new EmailDeliveryError(`The email to ${email.to} could not be sent (${result.error.name}: ${result.error.message})`, {
            permanent: isPermanentResendError(result.error),
            statusCode: result.error.statusCode ?? undefined,
            providerError: result.error.name,
          });
        } else {
          status = "sent";
          providerMessageId = result.data?.id;
        }
      } catch (cause) {
        // The SDK reports HTTP failures as values; anything thrown is unexpected and worth a retry.
        const detail = cause instanceof Error ? cause.message : String(cause);
        failure = new EmailDeliveryError(`The email to ${email.to} could not be sent (${detail})`, { permanent: false, cause });
      }
      if (failure) status = "failed";
    } else {
      console.info(`[outbox] email to ${email.to}: ${email.subject}${logSuffix(config, email, linkNote)}`);
    }

    const stored = {
      organizationId: email.organizationId ?? null,
      category: email.category,
      channel: "email" as const,
      to: email.to,
      from: config.from,
      subject: email.subject,
      body: linkNote ? replaceLinks(email.text, linkNote) : email.text,
      actionUrl: linkNote ? null : (email.actionUrl ?? null),
      status,
      provider: resend ? "resend" : "outbox",
      providerMessageId: providerMessageId ?? null,
      error: failure ? failure.message : null,
      idempotencyKey: email.idempotencyKey ?? null,
    };
    // Two senders of the same idempotency key at once (two failing runs, one alert): the first
    // row wins unless it records a failure; the other sender reports it as already sent.
    const { row, stored: ours } = await recordDeliveryAttempt(db, stored);
    if (!ours) return sentEmailOf(row);

    if (failure) throw failure;
    return { outboxId: row.id, status, providerMessageId };
  };
}

function sentEmailOf(row: OutboxRowRef): SentEmail {
  return { outboxId: row.id, status: row.status, providerMessageId: row.providerMessageId ?? undefined };
}

/** The server log shows a link only where the outbox keeps it: the log must not hand out access either. */
function logSuffix(config: EmailConfig, email: OutgoingEmail, linkNote: string | undefined): string {
  if (config.kind === "none" && linkNote) return " (not delivered: no email service and no local mailbox; link not logged)";
  return email.actionUrl && !linkNote ? ` — ${email.actionUrl}` : "";
}
