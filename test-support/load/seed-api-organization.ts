import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiKeys, users, workflows } from "@/db/schema";
import type { WorkflowGraph } from "@/engine";
import { generateApiKey } from "@/server/api-keys/api-key-format";
import { createOrganization } from "@/server/organizations/create-organization";
import { createWorkflow } from "@/server/workflows/create-workflow";
import { publishVersion } from "@/server/workflows/publish-version";

/**
 * The load workflow: trigger call.completed → duration > 10 s → (optionally wait) → webhook.
 * The webhook step's id is `hook`, so a run's webhook-id is `msg_<runId>_hook`.
 */
export function webhookWorkflowGraph(webhookUrl: string, options: { waitMinutes?: number } = {}): WorkflowGraph {
  const waits = options.waitMinutes !== undefined;
  return {
    version: 1,
    nodes: [
      { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.completed", trackingNumbers: [] } },
      {
        id: "long",
        kind: "condition.call_duration",
        position: { x: 0, y: 140 },
        config: { operator: "gt", seconds: 10, unit: "seconds" },
        openHandles: ["false"],
      },
      ...(waits
        ? [{ id: "wait", kind: "action.delay", position: { x: 0, y: 280 }, config: { amount: options.waitMinutes, unit: "minutes" } }]
        : []),
      { id: "hook", kind: "action.webhook", position: { x: 0, y: 420 }, config: { urls: [webhookUrl], headers: [] } },
    ],
    edges: [
      { id: "e1", source: "trigger", sourceHandle: "out", target: "long" },
      ...(waits
        ? [
            { id: "e2", source: "long", sourceHandle: "true", target: "wait" },
            { id: "e3", source: "wait", sourceHandle: "out", target: "hook" },
          ]
        : [{ id: "e2", source: "long", sourceHandle: "true", target: "hook" }]),
    ],
  } as WorkflowGraph;
}

/** An organization with an API key and the given workflows, published and enabled (by default one webhook workflow). */
export async function seedApiOrganization(
  db: Database,
  encryptionKey: Buffer,
  webhookUrl: string,
  graphs = [webhookWorkflowGraph(webhookUrl)],
) {
  const [user] = await db
    .insert(users)
    .values({ email: `load-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`, name: "Load" })
    .returning();
  const organization = await createOrganization(db, { name: "Load", ownerUserId: user!.id }, encryptionKey);
  const key = generateApiKey();
  await db
    .insert(apiKeys)
    .values({ organizationId: organization.id, createdByUserId: user!.id, name: "load", prefix: key.prefix, hash: key.hash });
  const workflowIds: string[] = [];
  for (const [index, graph] of graphs.entries()) {
    const workflow = await createWorkflow(db, {
      organizationId: organization.id,
      name: `Load ${index + 1}`,
      graph,
      createdByUserId: user!.id,
    });
    await publishVersion(db, {
      organizationId: organization.id,
      workflowId: workflow.id,
      graph,
      publishedByUserId: user!.id,
      allowPrivateWebhookTargets: true,
    });
    await db.update(workflows).set({ enabled: true }).where(eq(workflows.id, workflow.id));
    workflowIds.push(workflow.id);
  }
  return { organization, apiKey: key.key, userId: user!.id, workflowIds };
}

/** A call.completed event body for the REST API: answered, 30 s, so the workflow fires its webhook. */
export function callCompletedEventBody(id: string): string {
  return JSON.stringify({
    id,
    type: "call.completed",
    call: {
      id: `call_${id}`,
      direction: "inbound",
      status: "answered",
      answered: true,
      duration_seconds: 30,
      started_at: "2026-11-22T15:00:00Z",
    },
    caller: { phone_number: "+14155550123", first_call: false, prior_calls: 2 },
    tracking_number: { phone_number: "+14155550100" },
    attribution: { source: "Google Ads" },
  });
}
