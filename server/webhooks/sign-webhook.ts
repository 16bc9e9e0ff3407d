import { Webhook } from "standardwebhooks";

export type WebhookSignatureHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/**
 * Standard Webhooks signature headers for one attempt. The id stays the same across retries so
 * receivers can dedupe; the timestamp is the attempt's, so the signature is fresh each time.
 */
export function signWebhook(input: { secret: string; webhookId: string; timestamp: Date; body: string }): WebhookSignatureHeaders {
  const signature = new Webhook(input.secret).sign(input.webhookId, input.timestamp, input.body);
  return {
    "webhook-id": input.webhookId,
    "webhook-timestamp": String(Math.floor(input.timestamp.getTime() / 1000)),
    "webhook-signature": signature,
  };
}
