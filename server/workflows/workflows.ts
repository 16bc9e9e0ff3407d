import { TRPCError } from "@trpc/server";
import { and, desc, eq, sql } from "drizzle-orm";
import { workflows } from "@/db/schema";
import { draftGraphSchema, eventTypeInfo, publishBlockers, workflowGraphSchema, type EventType, type ValidationError } from "@/engine";
import { createWorkflow } from "./create-workflow";
import type { OrgScope } from "@/server/organizations/org-scope";
import { findWorkflowInOrg } from "./find-workflow";
import { publishOrExplain } from "./publish-or-explain";
import { publishProblems, UnpublishableGraphError } from "./publish-version";
import type { ImportWorkflowInput, PublishWorkflowInput, SetEnabledInput, WorkflowIdInput } from "@/server/trpc/routers/workflow.schemas";

export async function listWorkflows(scope: OrgScope) {
  const now = Date.now();
  const weekAgo = new Date(now - 7 * 24 * 60 * 60 * 1000);
  const dayAgo = new Date(now - 24 * 60 * 60 * 1000);
  // Only live runs count here: test runs from the editor are tries, not what the workflow did.
  const rows = await scope.db
    .select({
      id: workflows.id,
      name: workflows.name,
      description: workflows.description,
      enabled: workflows.enabled,
      publishedVersionId: workflows.publishedVersionId,
      triggerEventType: workflows.triggerEventType,
      draftGraph: workflows.draftGraph,
      updatedAt: workflows.updatedAt,
      // Written with table-qualified names: drizzle renders columns inside `sql` unqualified, and an
      // unqualified "id" in these subqueries would be the run's id, not the workflow's.
      runsLast7Days: sql<number>`(select count(*)::int from workflow_runs r where r.workflow_id = workflows.id and r.mode = 'live' and r.created_at >= ${weekAgo.toISOString()}::timestamptz)`,
      failedLast24Hours: sql<number>`(select count(*)::int from workflow_runs r where r.workflow_id = workflows.id and r.mode = 'live' and r.status = 'failed' and r.created_at >= ${dayAgo.toISOString()}::timestamptz)`,
      lastRunStatus: sql<
        string | null
      >`(select r.status from workflow_runs r where r.workflow_id = workflows.id and r.mode = 'live' order by r.created_at desc, r.id desc limit 1)`,
      lastRunAt: sql<
        string | null
      >`(select r.created_at from workflow_runs r where r.workflow_id = workflows.id and r.mode = 'live' order by r.created_at desc, r.id desc limit 1)`,
    })
    .from(workflows)
    .where(eq(workflows.organizationId, scope.org.id))
    .orderBy(desc(workflows.updatedAt));
  return rows.map(({ draftGraph, ...row }) => {
    const draftTrigger = draftGraphSchema.safeParse(draftGraph).data?.nodes.find((node) => node.kind === "trigger");
    const eventType = (row.triggerEventType ?? (draftTrigger?.config as { eventType?: string } | undefined)?.eventType) as
      EventType | undefined;
    return {
      ...row,
      lastRunAt: row.lastRunAt ? new Date(row.lastRunAt) : null,
      triggerLabel: eventType ? (eventTypeInfo[eventType]?.label ?? eventType) : "No trigger yet",
      status: row.enabled ? ("active" as const) : row.publishedVersionId ? ("paused" as const) : ("draft" as const),
    };
  });
}

export async function importWorkflow(scope: OrgScope, input: ImportWorkflowInput) {
  const draft = draftGraphSchema.safeParse(input.graph);
  if (!draft.success) {
    throw new TRPCError({ code: "BAD_REQUEST", message: 'That is not a workflow graph: it needs "version": 1, "nodes" and "edges".' });
  }
  const workflow = await createWorkflow(scope.db, {
    organizationId: scope.org.id,
    name: input.name,
    description: input.description,
    graph: draft.data,
    createdByUserId: scope.user.id,
  });
  if (input.publish) {
    const graph = workflowGraphSchema.safeParse(input.graph);
    if (!graph.success)
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "Saved as a draft: some steps' settings are invalid, so it cannot be published yet.",
      });
    await publishOrExplain(scope.db, {
      organizationId: scope.org.id,
      workflowId: workflow.id,
      graph: graph.data,
      publishedByUserId: scope.user.id,
      allowPrivateWebhookTargets: scope.config.allowPrivateWebhookTargets,
    });
  }
  return { id: workflow.id };
}

export async function publishWorkflow(scope: OrgScope, input: PublishWorkflowInput) {
  const workflow = await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  const graph = workflowGraphSchema.safeParse(workflow.draftGraph);
  if (!graph.success) {
    // The same words as the editor's Problems tab: the engine's list, each naming its step.
    const blockers = publishBlockers(workflow.draftGraph);
    throw new TRPCError({
      code: "BAD_REQUEST",
      message:
        blockers.length > 0
          ? new UnpublishableGraphError(blockers).message
          : "Some steps' settings are invalid; fix them before publishing.",
    });
  }
  const version = await publishOrExplain(scope.db, {
    organizationId: scope.org.id,
    workflowId: workflow.id,
    graph: graph.data,
    note: input.note,
    publishedByUserId: scope.user.id,
    allowPrivateWebhookTargets: scope.config.allowPrivateWebhookTargets,
  });
  return { versionId: version.id, number: version.number };
}

/** What stops the saved draft from being published, each problem naming its step; empty when it can be. */
export async function checkPublishable(scope: OrgScope, input: WorkflowIdInput): Promise<{ problems: ValidationError[] }> {
  const workflow = await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  return { problems: await publishProblems(workflow.draftGraph, scope.config.allowPrivateWebhookTargets) };
}

export async function setWorkflowEnabled(scope: OrgScope, input: SetEnabledInput) {
  const workflow = await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  if (input.enabled && !workflow.publishedVersionId) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Publish this workflow before turning it on." });
  }
  await scope.db.update(workflows).set({ enabled: input.enabled, updatedAt: new Date() }).where(eq(workflows.id, workflow.id));
  return { enabled: input.enabled };
}

export async function deleteWorkflow(scope: OrgScope, input: WorkflowIdInput) {
  const workflow = await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  await scope.db.delete(workflows).where(and(eq(workflows.id, workflow.id), eq(workflows.organizationId, scope.org.id)));
  return { deleted: workflow.id };
}
