import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiKeys, users, workflows } from "@/db/schema";
import type { WorkflowGraph } from "@/engine";
import { generateApiKey } from "@/server/api-keys/api-key-format";
import { createOrganization } from "@/server/organizations/create-organization";
import { createWorkflow } from "@/server/workflows/create-workflow";
import { publishVersion } from "@/server/workflows/publish-version";

/** The benchmark's workflow: trigger call.completed → duration > 10 s → webhook. */
export function benchGraph(webhookUrl: string): WorkflowGraph {
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
      { id: "hook", kind: "action.webhook", position: { x: 0, y: 280 }, config: { urls: [webhookUrl], headers: [] } },
    ],
    edges: [
      { id: "e1", source: "trigger", sourceHandle: "out", target: "long" },
      { id: "e2", source: "long", sourceHandle: "true", target: "hook" },
    ],
  } as WorkflowGraph;
}

/** An organization with an API key and the enabled benchmark workflow. */
export async function seedBenchOrganization(db: Database, encryptionKey: Buffer, webhookUrl: string) {
  const [user] = await db
    .insert(users)
    .values({ email: `bench-${Date.now()}@example.test`, name: "Bench" })
    .returning();
  const organization = await createOrganization(db, { name: "Bench", ownerUserId: user!.id }, encryptionKey);
  const key = generateApiKey();
  await db
    .insert(apiKeys)
    .values({ organizationId: organization.id, createdByUserId: user!.id, name: "bench", prefix: key.prefix, hash: key.hash });
  const graph = benchGraph(webhookUrl);
  const workflow = await createWorkflow(db, { organizationId: organization.id, name: "Bench", graph, createdByUserId: user!.id });
  await publishVersion(db, {
    organizationId: organization.id,
    workflowId: workflow.id,
    graph,
    publishedByUserId: user!.id,
    allowPrivateWebhookTargets: true,
  });
  await db.update(workflows).set({ enabled: true }).where(eq(workflows.id, workflow.id));
  return { organization, apiKey: key.key, userId: user!.id };
}

/** A call.completed event body for the REST API: answered, 30 s, so the workflow fires its webhook. */
export function benchEventBody(id: string): string {
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
