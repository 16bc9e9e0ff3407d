import { TRPCError } from "@trpc/server";
import { listTestDeliveries, sendTestWebhook } from "./send-test-webhook";
import { testWebhookRequest, WebhookTestError, type TestWebhookRequest } from "./test-webhook-request";
import type { OrgScope } from "@/server/organizations/org-scope";
import { findWorkflowInOrg } from "@/server/workflows/find-workflow";
import { testEventPayload } from "@/server/dry-runs/test-event-payload";
import type { WebhookTestDeliveriesInput, WebhookTestInput } from "@/server/trpc/routers/workflow.schemas";

async function requestFor(scope: OrgScope, input: WebhookTestInput): Promise<TestWebhookRequest> {
  const workflow = await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  const event = await testEventPayload(scope.db, scope.org.id, input.event);
  try {
    return testWebhookRequest({ organization: scope.org, workflow, encryptionKey: scope.config.encryptionKey }, input.config, event);
  } catch (error) {
    if (error instanceof WebhookTestError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
    throw error;
  }
}

/** Exactly what "Send test" would post: the addresses, the JSON body and every header, signature included. */
export async function previewTestWebhook(scope: OrgScope, input: WebhookTestInput) {
  const request = await requestFor(scope, input);
  return { urls: request.urls, ...request.preview };
}

export async function sendWebhookTest(scope: OrgScope, input: WebhookTestInput) {
  const request = await requestFor(scope, input);
  return sendTestWebhook(scope.db, {
    organizationId: scope.org.id,
    workflowId: input.workflowId,
    nodeId: input.nodeId,
    userId: scope.user.id,
    request,
    allowPrivate: scope.config.allowPrivateWebhookTargets,
  });
}

export async function webhookTestDeliveries(scope: OrgScope, input: WebhookTestDeliveriesInput) {
  await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  return listTestDeliveries(scope.db, scope.org.id, input.workflowId, input.nodeId);
}
