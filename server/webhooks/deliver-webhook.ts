import { sendGuardedRequest, WebhookDeliveryError, type GuardedRequest } from "./guarded-http-request";
import type { WebhookDelivery } from "./delivery-outcome";
import { signWebhook } from "./sign-webhook";

export {
  assertDelivered,
  classifyDeliveryOutcome,
  PermanentWebhookError,
  TransientWebhookError,
  type DeliveryOutcome,
  type WebhookDelivery,
} from "./delivery-outcome";

export type DeliverWebhookInput = {
  urls: string[];
  extraHeaders?: Record<string, string>;
  payload: unknown;
  /** Stable across retries of the same step (e.g. `${runId}:${nodeId}`) so receivers can dedupe. */
  webhookId: string;
  secret: string;
  allowPrivate: boolean;
  test?: boolean;
  timeoutMs?: number;
  now?: () => Date;
  /** Stands in for the system resolver in tests. */
  lookup?: GuardedRequest["lookup"];
};

// Headers the user cannot set: they carry the signature, describe the signed body, frame the request or name the sender.
const RESERVED_HEADERS = new Set([
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
  "content-type",
  "content-length",
  "transfer-encoding",
  "host",
  "connection",
  "x-switchboard-test",
  "user-agent",
]);

/** The exact body and headers one attempt sends (the editor's "Preview payload" shows this too). */
export function buildWebhookRequest(
  input: Pick<DeliverWebhookInput, "extraHeaders" | "payload" | "webhookId" | "secret" | "test" | "now">,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(input.payload ?? null);
  const timestamp = (input.now ?? (() => new Date()))();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.extraHeaders ?? {})) {
    const lower = name.toLowerCase();
    if (!RESERVED_HEADERS.has(lower)) headers[lower] = value;
  }
  Object.assign(headers, {
    "user-agent": "Switchboard-Webhooks/1",
    "content-type": "application/json",
    ...(input.test ? { "x-switchboard-test": "true" } : {}),
    ...signWebhook({ secret: input.secret, webhookId: input.webhookId, timestamp, body }),
  });
  return { body, headers };
}

/** One signed attempt at every URL of a webhook action, one after another; never throws for a bad target. */
export async function deliverWebhook(input: DeliverWebhookInput): Promise<{ deliveries: WebhookDelivery[] }> {
  const { body, headers } = buildWebhookRequest(input);
  const deliveries: WebhookDelivery[] = [];
  for (const url of input.urls) {
    const request = { method: "POST" as const, headers, body };
    try {
      const response = await sendGuardedRequest({
        url,
        ...request,
        allowPrivate: input.allowPrivate,
        timeoutMs: input.timeoutMs,
        lookup: input.lookup,
      });
      deliveries.push({ url, request, response });
    } catch (error) {
      const failure = error instanceof WebhookDeliveryError ? error : new WebhookDeliveryError("network", String(error));
      deliveries.push({ url, request, error: { kind: failure.kind, message: failure.message } });
    }
  }
  return { deliveries };
}
