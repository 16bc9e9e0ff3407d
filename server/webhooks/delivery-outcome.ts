import type { WebhookDeliveryErrorKind } from "./guarded-http-request";

export type WebhookDelivery = {
  url: string;
  request: { method: "POST"; headers: Record<string, string>; body: string };
  response?: { status: number; headers: Record<string, string>; body: string; truncated: boolean; durationMs: number };
  error?: { kind: WebhookDeliveryErrorKind; message: string };
};

export type DeliveryOutcome = { outcome: "succeeded" } | { outcome: "retry"; retryAfterSeconds?: number } | { outcome: "permanent" };

/**
 * What the caller should do after one round of deliveries. A transient failure at any URL means
 * retry, even if another URL refused for good: the retry gives the transient target its chance,
 * and the permanent one fails the step once attempts run out.
 */
export function classifyDeliveryOutcome(deliveries: WebhookDelivery[], now: Date = new Date()): DeliveryOutcome {
  const transient = deliveries.filter(isTransientFailure);
  if (transient.length > 0) {
    const waits = transient.map((delivery) => retryAfterSeconds(delivery, now)).filter((wait) => wait !== undefined);
    return waits.length > 0 ? { outcome: "retry", retryAfterSeconds: Math.max(...waits) } : { outcome: "retry" };
  }
  return deliveries.every(isSuccess) ? { outcome: "succeeded" } : { outcome: "permanent" };
}

function isSuccess(delivery: WebhookDelivery): boolean {
  const status = delivery.response?.status;
  return status !== undefined && status >= 200 && status < 300;
}

function isTransientFailure(delivery: WebhookDelivery): boolean {
  if (delivery.error) return delivery.error.kind !== "blocked";
  const status = delivery.response?.status ?? 0;
  return status >= 500 || status === 408 || status === 429;
}

function retryAfterSeconds(delivery: WebhookDelivery, now: Date): number | undefined {
  const status = delivery.response?.status;
  const header = delivery.response?.headers["retry-after"]?.trim();
  if ((status !== 429 && status !== 503) || !header) return undefined;
  if (/^\d+$/.test(header)) return Number(header);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

/** The first failure in plain words, e.g. "https://hooks.example.com/x answered 404". */
export function describeFailedDeliveries(deliveries: WebhookDelivery[]): string {
  const failed = deliveries.filter((delivery) => !isSuccess(delivery));
  const first = failed[0];
  if (!first) return "Every webhook was delivered";
  const what = first.error ? `${first.url}: ${first.error.message}` : `${first.url} answered ${first.response?.status}`;
  return failed.length > 1 ? `${what} (and ${failed.length - 1} more)` : what;
}

/** A webhook step that cannot succeed by trying again; carries the deliveries for the run log. */
export class PermanentWebhookError extends Error {
  readonly deliveries: WebhookDelivery[];

  constructor(deliveries: WebhookDelivery[]) {
    super(describeFailedDeliveries(deliveries));
    this.name = "PermanentWebhookError";
    this.deliveries = deliveries;
  }
}

/** A webhook step worth retrying, after `retryAfterSeconds` when a receiver asked for that. */
export class TransientWebhookError extends Error {
  readonly deliveries: WebhookDelivery[];
  readonly retryAfterSeconds?: number;

  constructor(deliveries: WebhookDelivery[], retryAfterSeconds?: number) {
    super(describeFailedDeliveries(deliveries));
    this.name = "TransientWebhookError";
    this.deliveries = deliveries;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Throws the error that matches the outcome, so a durable step retries or fails accordingly. */
export function assertDelivered(deliveries: WebhookDelivery[], now?: Date): void {
  const outcome = classifyDeliveryOutcome(deliveries, now);
  if (outcome.outcome === "retry") throw new TransientWebhookError(deliveries, outcome.retryAfterSeconds);
  if (outcome.outcome === "permanent") throw new PermanentWebhookError(deliveries);
}
