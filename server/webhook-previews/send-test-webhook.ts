import { and, desc, eq, notInArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { webhookTestDeliveries } from "@/db/schema";
import { deliverWebhook } from "../webhooks/deliver-webhook";
import type { TestWebhookRequest } from "./test-webhook-request";

/** How many test sends a webhook step keeps. */
export const keptTestDeliveries = 5;

/**
 * Posts a test now, through the same SSRF-guarded, signed sender runs use, and keeps the result
 * (the newest few per step) so the panel can show it again later.
 */
export async function sendTestWebhook(
  db: Database,
  input: {
    organizationId: string;
    workflowId: string;
    nodeId: string;
    userId: string;
    request: TestWebhookRequest;
    allowPrivate: boolean;
    timeoutMs?: number;
  },
) {
  const { deliveries } = await deliverWebhook({
    urls: input.request.urls,
    extraHeaders: input.request.extraHeaders,
    payload: input.request.payload,
    webhookId: input.request.webhookId,
    secret: input.request.secret,
    allowPrivate: input.allowPrivate,
    test: true,
    timeoutMs: input.timeoutMs,
  });
  const [saved] = await db
    .insert(webhookTestDeliveries)
    .values({
      organizationId: input.organizationId,
      workflowId: input.workflowId,
      nodeId: input.nodeId,
      deliveries,
      sentByUserId: input.userId,
    })
    .returning();
  const sameStep = and(eq(webhookTestDeliveries.workflowId, input.workflowId), eq(webhookTestDeliveries.nodeId, input.nodeId));
  const kept = db
    .select({ id: webhookTestDeliveries.id })
    .from(webhookTestDeliveries)
    .where(sameStep)
    .orderBy(desc(webhookTestDeliveries.createdAt), desc(webhookTestDeliveries.id))
    .limit(keptTestDeliveries);
  await db.delete(webhookTestDeliveries).where(and(sameStep, notInArray(webhookTestDeliveries.id, kept)));
  return saved!;
}

export async function listTestDeliveries(db: Database, organizationId: string, workflowId: string, nodeId: string) {
  return db
    .select()
    .from(webhookTestDeliveries)
    .where(
      and(
        eq(webhookTestDeliveries.organizationId, organizationId),
        eq(webhookTestDeliveries.workflowId, workflowId),
        eq(webhookTestDeliveries.nodeId, nodeId),
      ),
    )
    .orderBy(desc(webhookTestDeliveries.createdAt), desc(webhookTestDeliveries.id))
    .limit(keptTestDeliveries);
}
