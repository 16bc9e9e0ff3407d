import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { workflows } from "@/db/schema";
import type { WorkflowGraph } from "@/engine";
import { createWorkflow } from "@/server/workflows/create-workflow";
import { publishVersion } from "@/server/workflows/publish-version";

/** A workflow created, published and enabled — ready to run on matching events. */
export async function createLiveWorkflow(
  db: Database,
  organizationId: string,
  graph: WorkflowGraph,
  name = "Test workflow",
  userId: string | null = null,
) {
  const workflow = await createWorkflow(db, { organizationId, name, graph, createdByUserId: userId });
  const version = await publishVersion(db, {
    organizationId,
    workflowId: workflow.id,
    graph,
    publishedByUserId: userId,
    allowPrivateWebhookTargets: true,
  });
  await db.update(workflows).set({ enabled: true }).where(eq(workflows.id, workflow.id));
  return { workflow, version };
}
