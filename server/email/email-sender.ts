import { eq } from "drizzle-orm";
import { Resend, type ErrorResponse } from "resend";
import type { Queryable } from "@/db/client";
import { outboxMessages, type OutboxCategory, type OutboxStatus } from "@/db/schema";
import type { EmailConfig } from "../config/app-config";

export type OutgoingEmail = {
  organizationId?: string | null;
  category: OutboxCategory;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The link the email asks the reader to follow; the Outbox page shows it as a button. */
  actionUrl?: string;
  /** Passed to the provider so a retried send is delivered once. */
  idempotencyKey?: string;
};

export type SentEmail = { outboxId: string; status: OutboxStatus; providerMessageId?: string };

export type EmailSender = (email: OutgoingEmail) => Promise<SentEmail>;

/**
 * An email that was not sent. `permanent` means retrying cannot help (Resend refused the
 * request: validation, bad sender, bad key, …); otherwise (429, 5xx, network) retry with backoff.
 */
export class EmailDeliveryError extends Error {
  readonly permanent: boolean;
  /** HTTP status Resend answered with; undefined when it could not be reached. */
  readonly statusCode?: number;
  /** Resend's error name, e.g. `validation_error`. */
  readonly providerError?: string;

  constructor(message: string, options: { permanent: boolean; statusCode?: number; providerError?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "EmailDeliveryError";
    this.permanent = options.permanent;
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
 * Every email is recorded in the outbox. With Resend configured it is also delivered;
 * without, the outbox (and the server log) is the delivery, so nobody needs an account anywhere.
 * A failed delivery is recorded with status `failed`, then thrown as an EmailDeliveryError.
 */
export function createEmailSender(config: EmailConfig, db: Queryable): EmailSender {
  const resend = config.kind === "resend" ? new Resend(config.apiKey, { baseUrl: config.baseUrl }) : undefined;

  return async (email) => {
    // A retried step must not deliver (or record) the same email twice.
    if (email.idempotencyKey) {
      const [existing] = await db
        .select({ id: outboxMessages.id, status: outboxMessages.status, providerMessageId: outboxMessages.providerMessageId })
        .from(outboxMessages)
        .where(eq(outboxMessages.idempotencyKey, email.idempotencyKey))
        .limit(1);
      if (existing && existing.status !== "failed") {
        return { outboxId: existing.id, status: existing.status, providerMessageId: existing.providerMessageId ?? undefined };
      }
      if (existing) await db.delete(outboxMessages).where(eq(outboxMessages.id, existing.id));
    }
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
          failure = new EmailDeliveryError(
            `The email to ${email.to} could not be sent (${result.error.name}: ${result.error.message})`,
            {
              permanent: isPermanentResendError(result.error),
              statusCode: result.error.statusCode ?? undefined,
              providerError: result.error.name,
            },
          );
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
      console.info(`[outbox] email to ${email.to}: ${email.subject}${email.actionUrl ? ` — ${email.actionUrl}` : ""}`);
    }

    const [row] = await db
      .insert(outboxMessages)
      .values({
        organizationId: email.organizationId ?? null,
        category: email.category,
        channel: "email",
        to: email.to,
        from: config.from,
        subject: email.subject,
        body: email.text,
        actionUrl: email.actionUrl,
        status,
        provider: resend ? "resend" : "outbox",
        providerMessageId,
        error: failure ? failure.message : undefined,
        idempotencyKey: email.idempotencyKey,
      })
      .returning({ id: outboxMessages.id });

    if (failure) throw failure;
    return { outboxId: row!.id, status, providerMessageId };
  };
}
