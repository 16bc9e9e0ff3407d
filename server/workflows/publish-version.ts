import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { workflows, workflowVersions } from "@/db/schema";
import { publishBlockers, triggerConfigSchema, webhookConfigSchema, type ValidationError, type WorkflowGraph } from "@/engine";
import { checkWebhookUrl } from "../webhooks/webhook-url";

export class UnpublishableGraphError extends Error {
  constructor(readonly errors: ValidationError[]) {
    super(
      `This workflow has ${errors.length} problem${errors.length === 1 ? "" : "s"} to fix before it can be published: ${errors[0]?.message ?? ""}`,
    );
    this.name = "UnpublishableGraphError";
  }
}

/** Webhook URLs are checked again at save time (and at send time): every address must be public. */
export async function webhookUrlErrors(
  graph: { nodes: ReadonlyArray<{ id: string; kind: string; config: unknown }> },
  allowPrivate: boolean,
): Promise<ValidationError[]> {
  const errors: ValidationError[] = [];
  for (const node of graph.nodes) {
    if (node.kind !== "action.webhook") continue;
    const config = webhookConfigSchema.safeParse(node.config);
    if (!config.success) continue;
    for (const [index, url] of config.data.urls.entries()) {
      const verdict = await checkWebhookUrl(url, { allowPrivate });
      if (!verdict.ok)
        errors.push({
          nodeId: node.id,
          field: `urls.${index}`,
          code: "webhook_url_refused",
          severity: "error",
          message: `${url}: ${verdict.reason}`,
        });
    }
  }
  return errors;
}

/**
 * Everything that stops this graph from being published: the engine's list (the same one the editor
 * shows) and, on the server only, webhook addresses that lead somewhere they may not.
 */
export async function publishProblems(graph: unknown, allowPrivate: boolean): Promise<ValidationError[]> {
  const blockers = publishBlockers(graph);
  const nodes = (graph as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return blockers;
  return [...blockers, ...(await webhookUrlErrors({ nodes: nodes as Array<{ id: string; kind: string; config: unknown }> }, allowPrivate))];
}

/**
 * Freezes a graph as the workflow's next immutable version and makes it the one that runs.
 * Refuses a graph the engine would not run, with the engine's own messages.
 */
export async function publishVersion(
  db: Database,
  input: {
    organizationId: string;
    workflowId: string;
    graph: WorkflowGraph;
    note?: string | null;
    publishedByUserId: string | null;
    allowPrivateWebhookTargets?: boolean;
  },
) {
  const errors = await publishProblems(input.graph, input.allowPrivateWebhookTargets ?? false);
  if (errors.length > 0) throw new UnpublishableGraphError(errors);
  const trigger = input.graph.nodes.find((node) => node.kind === "trigger");
  const triggerConfig = triggerConfigSchema.parse(trigger?.config);

  return db.transaction(async (tx) => {
    // Lock the workflow row so two publishes get consecutive numbers.
    const [workflow] = await tx
      .select({ id: workflows.id })
      .from(workflows)
      .where(and(eq(workflows.id, input.workflowId), eq(workflows.organizationId, input.organizationId)))
      .for("update");
    if (!workflow) throw new Error("Workflow not found");
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${workflowVersions.number}), 0) + 1` })
      .from(workflowVersions)
      .where(eq(workflowVersions.workflowId, input.workflowId))) as [{ next: number }];
    const [version] = await tx
      .insert(workflowVersions)
      .values({
        workflowId: input.workflowId,
        organizationId: input.organizationId,
        number: Number(next),
        graph: input.graph,
        note: input.note ?? null,
        publishedByUserId: input.publishedByUserId,
      })
      .returning();
    await tx
      .update(workflows)
      .set({ publishedVersionId: version!.id, triggerEventType: triggerConfig.eventType, updatedAt: new Date() })
      .where(eq(workflows.id, input.workflowId));
    return version!;
  });
}
