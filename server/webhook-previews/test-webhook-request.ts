import { newId } from "@/db/ids";
import { getNodeDefinition, renderTemplate, webhookConfigSchema, type WebhookInput, type WorkflowEvent } from "@/engine";
import { decryptSecret } from "../crypto/secret-box";
import { buildWebhookRequest } from "../webhooks/deliver-webhook";

export class WebhookTestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookTestError";
  }
}

export type TestWebhookContext = {
  organization: { id: string; name: string; timezone: string; webhookSecretEncrypted: string | null };
  workflow: { id: string; name: string };
  encryptionKey: Buffer;
};

export type TestWebhookRequest = {
  urls: string[];
  webhookId: string;
  extraHeaders: Record<string, string>;
  payload: Record<string, unknown>;
  secret: string;
  /** What goes over the wire, exactly: the body and every header, signature included. */
  preview: { method: "POST"; headers: Record<string, string>; body: string };
};

/**
 * A webhook step's request for one event, rendered by the same catalogue entry a run uses and
 * signed by the same code the sender uses, with the test marker header on.
 */
export function testWebhookRequest(
  context: TestWebhookContext,
  config: unknown,
  event: WorkflowEvent,
  now: Date = new Date(),
): TestWebhookRequest {
  const parsed = webhookConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new WebhookTestError(`Fix this step's settings first: ${parsed.error.issues[0]?.message ?? "they are invalid"}.`);
  }
  if (!context.organization.webhookSecretEncrypted) throw new WebhookTestError("This workspace has no webhook signing secret yet.");
  const definition = getNodeDefinition("action.webhook");
  if (definition?.category !== "action") throw new WebhookTestError("Webhooks are not available.");
  const input = definition.prepare(parsed.data, event, {
    org: { id: context.organization.id, name: context.organization.name, timezone: context.organization.timezone },
    run: { id: "run_test", workflowId: context.workflow.id, workflowName: context.workflow.name, mode: "test" },
    renderTemplate,
  }) as WebhookInput;
  const webhookId = newId("msg_test");
  const secret = decryptSecret(context.organization.webhookSecretEncrypted, context.encryptionKey);
  const request = buildWebhookRequest({ extraHeaders: input.headers, payload: input.body, webhookId, secret, test: true, now: () => now });
  return {
    urls: input.urls,
    webhookId,
    extraHeaders: input.headers,
    payload: input.body,
    secret,
    preview: { method: "POST", ...request },
  };
}
