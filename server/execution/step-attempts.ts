/**
 * What the record of one try of an action looks like, from its start to its outcome. Pure: the
 * embedded run journal and the Inngest function both build their `run_steps.attempts` with these.
 */
import type { StepAttempt, StepAttemptDelivery, StepAttemptError } from "@/db/schema";
import type { WebhookDelivery } from "../webhooks/delivery-outcome";
import { attemptRequestOf } from "./attempt-request";
import { toStoredStepError } from "./step-error";

/** A response body in an attempt record: the first 8 KB, as much as the webhook sender reads. */
export const maxAttemptBodyBytes = 8 * 1024;

export const interruptedAttemptMessage =
  "The server stopped during this attempt; it may have been delivered — the next attempt reuses the same webhook-id/idempotency key.";

/** What an attempt left in flight becomes once its run resumes elsewhere or later. */
export const interruptedAttempt = {
  outcome: "interrupted",
  error: { name: "Interrupted", message: interruptedAttemptMessage },
} as const satisfies Partial<StepAttempt>;

/** After a failed attempt: whether another follows, and when it is due if the executor decides that. */
export type RetryDecision = { willRetry: false } | { willRetry: true; retryAt: Date | null };

/** Actions that reach outside the run have attempts; a condition only reads and a delay only waits. */
export function recordsAttempts(nodeKind: string): boolean {
  return nodeKind.startsWith("action.") && nodeKind !== "action.delay";
}

export function startAttempt(attempt: number, at: Date): StepAttempt {
  return { attempt, startedAt: at.toISOString(), finishedAt: null, durationMs: null, outcome: "in_flight" };
}

export function attemptSucceeded(started: StepAttempt, nodeKind: string, value: unknown, at: Date): StepAttempt {
  return { ...settled(started, at), outcome: "succeeded", ...summaryOfValue(nodeKind, value) };
}

export function attemptFailed(started: StepAttempt, error: unknown, at: Date, next: RetryDecision): StepAttempt {
  const deliveries = webhookDeliveriesIn(error) ?? webhookDeliveriesIn((error as { details?: unknown } | null)?.details);
  const request = attemptRequestOf(error);
  return {
    ...settled(started, at),
    outcome: "failed",
    ...(request ? { request } : {}),
    ...(deliveries ? { deliveries: deliveries.map(toAttemptDelivery) } : {}),
    error: attemptErrorOf(error),
    willRetry: next.willRetry,
    retryAt: next.willRetry && next.retryAt ? next.retryAt.toISOString() : null,
  };
}

export function interruptInFlight(attempts: readonly StepAttempt[]): StepAttempt[] {
  return attempts.map((attempt) => (attempt.outcome === "in_flight" ? { ...attempt, ...interruptedAttempt } : attempt));
}

function settled(started: StepAttempt, at: Date): StepAttempt {
  return { ...started, finishedAt: at.toISOString(), durationMs: Math.max(0, at.getTime() - Date.parse(started.startedAt)) };
}

function attemptErrorOf(error: unknown): StepAttemptError {
  const { message, name, code, permanent } = toStoredStepError(error);
  const { status, statusCode } = (error ?? {}) as { status?: unknown; statusCode?: unknown };
  const httpStatus = typeof status === "number" ? status : typeof statusCode === "number" ? statusCode : undefined;
  return withoutUndefined({ message, name, code, permanent, httpStatus });
}

type Summary = Pick<StepAttempt, "request" | "response" | "deliveries">;

/** The part of an action's result that tells one attempt from another; the full result stays the step's output. */
function summaryOfValue(nodeKind: string, value: unknown): Summary {
  const result = asRecord(value);
  switch (nodeKind) {
    case "action.webhook":
      return { deliveries: (webhookDeliveriesIn(value) ?? []).map(toAttemptDelivery) };
    case "action.send_sms":
      return {
        request: withoutUndefined({ to: result.to, from: result.from }),
        response: withoutUndefined({
          status: result.status,
          providerMessageId: result.providerMessageId,
          outboxId: result.outboxId,
          segments: result.segments,
        }),
      };
    case "action.send_email": {
      const sent = Array.isArray(result.sent) ? result.sent.map(asRecord) : [];
      return {
        request: withoutUndefined({ subject: result.subject, to: sent.map((email) => email.to) }),
        response: {
          sent: sent.map((email) =>
            withoutUndefined({ to: email.to, status: email.status, providerMessageId: email.providerMessageId, outboxId: email.outboxId }),
          ),
        },
      };
    }
    case "action.tag_call":
      return { response: withoutUndefined({ tagged: result.tagged, tags: result.tags }) };
    default:
      return {};
  }
}

function webhookDeliveriesIn(value: unknown): WebhookDelivery[] | undefined {
  const deliveries = (value as { deliveries?: unknown } | null)?.deliveries;
  if (!Array.isArray(deliveries)) return undefined;
  return deliveries.filter((delivery): delivery is WebhookDelivery => typeof (delivery as { url?: unknown } | null)?.url === "string");
}

function toAttemptDelivery(delivery: WebhookDelivery): StepAttemptDelivery {
  const { response, error } = delivery;
  return {
    url: delivery.url,
    request: { method: delivery.request?.method ?? "POST", headers: delivery.request?.headers ?? {} },
    ...(response
      ? {
          response: {
            status: response.status,
            headers: response.headers ?? {},
            ...cappedBody(response.body ?? "", response.truncated === true),
            durationMs: response.durationMs,
          },
        }
      : {}),
    ...(error ? { error: { kind: error.kind, message: error.message } } : {}),
  };
}

function cappedBody(body: string, truncated: boolean): { body: string; truncated: boolean } {
  const bytes = Buffer.from(body, "utf8");
  if (bytes.length <= maxAttemptBodyBytes) return { body, truncated };
  // A character cut in half decodes as U+FFFD; drop it rather than keep a byte that was never sent.
  return {
    body: bytes
      .subarray(0, maxAttemptBodyBytes)
      .toString("utf8")
      .replace(/\uFFFD$/, ""),
    truncated: true,
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function withoutUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
