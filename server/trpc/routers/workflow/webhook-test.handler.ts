import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { listTestDeliveries, sendTestWebhook } from "@/server/webhook-previews/send-test-webhook";
import { testWebhookRequest, WebhookTestError, type TestWebhookRequest } from "@/server/webhook-previews/test-webhook-request";
import type { OrgProcedureContext } from "../../procedures";
import { findWorkflowInOrg } from "./find-workflow";
import { testEventPayload } from "./test-event-payload";
import type { webhookTestDeliveriesSchema, webhookTestSchema } from "./webhook-test.schema";

type Ctx = { ctx: OrgProcedureContext };

async function requestFor(ctx: OrgProcedureContext, input: z.infer<typeof webhookTestSchema>): Promise<TestWebhookRequest> {
  const workflow = await findWorkflowInOrg(ctx.db, ctx.org.id, input.workflowId);
  const event = await testEventPayload(ctx.db, ctx.org.id, input.event);
  try {
    return testWebhookRequest({ organization: ctx.org, workflow, encryptionKey: ctx.config.encryptionKey }, input.config, event);
  } catch (error) {
    if (error instanceof WebhookTestError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
    throw error;
  }
}

/** Exactly what "Send test" would post: the addresses, the JSON body and every header, signature included. */
export async function previewTestWebhook({ ctx, input }: Ctx & { input: z.infer<typeof webhookTestSchema> }) {
  const request = await requestFor(ctx, input);
  return { urls: request.urls, ...request.preview };
}

export async function sendWebhookTest({ ctx, input }: Ctx & { input: z.infer<typeof webhookTestSchema> }) {
  const request = await requestFor(ctx, input);
  return sendTestWebhook(ctx.db, {
    organizationId: ctx.org.id,
    workflowId: input.workflowId,
    nodeId: input.nodeId,
    userId: ctx.user.id,
    request,
    allowPrivate: ctx.config.allowPrivateWebhookTargets,
  });
}

export async function webhookTestDeliveries({ ctx, input }: Ctx & { input: z.infer<typeof webhookTestDeliveriesSchema> }) {
  await findWorkflowInOrg(ctx.db, ctx.org.id, input.workflowId);
  return listTestDeliveries(ctx.db, ctx.org.id, input.workflowId, input.nodeId);
}
