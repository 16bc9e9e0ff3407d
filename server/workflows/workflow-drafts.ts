import { TRPCError } from "@trpc/server";
import { and, desc, eq } from "drizzle-orm";
import { users, workflows, workflowVersions } from "@/db/schema";
import { draftGraphSchema, emptyGraph, eventTypes, findWorkflowTemplate, type EventType } from "@/engine";
import { createWorkflow } from "./create-workflow";
import type { OrgScope } from "@/server/organizations/org-scope";
import { findWorkflowInOrg } from "./find-workflow";
import type {
  CreateBlankInput,
  CreateFromTemplateInput,
  RenameInput,
  RestoreVersionInput,
  SaveDraftInput,
  VersionInput,
  WorkflowIdInput,
} from "@/server/trpc/routers/workflow.schemas";

const conflictMessage =
  "Someone else saved this workflow while you were editing (another tab or a teammate). Reload to see their changes; copy anything you want to keep first.";

export async function getWorkflow(scope: OrgScope, input: WorkflowIdInput) {
  const workflow = await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  const [published] = workflow.publishedVersionId
    ? await scope.db
        .select({ number: workflowVersions.number, graph: workflowVersions.graph })
        .from(workflowVersions)
        .where(eq(workflowVersions.id, workflow.publishedVersionId))
    : [];
  return {
    id: workflow.id,
    name: workflow.name,
    description: workflow.description,
    enabled: workflow.enabled,
    alertsEnabled: workflow.alertsEnabled,
    draftGraph: draftGraphSchema.parse(workflow.draftGraph),
    draftRevision: workflow.draftRevision,
    viewport: workflow.viewport as { x: number; y: number; zoom: number } | null,
    publishedVersionId: workflow.publishedVersionId,
    publishedVersionNumber: published?.number ?? null,
    hasUnpublishedChanges: !published || JSON.stringify(published.graph) !== JSON.stringify(workflow.draftGraph),
  };
}

/** Saves the draft (valid or not — nobody loses work) if nobody saved since `expectedRevision`. */
export async function saveDraft(scope: OrgScope, input: SaveDraftInput) {
  const graph = draftGraphSchema.safeParse(input.graph);
  if (!graph.success) throw new TRPCError({ code: "BAD_REQUEST", message: "The workflow could not be read; reload the editor." });
  await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  const updated = await scope.db
    .update(workflows)
    .set({ draftGraph: graph.data, viewport: input.viewport ?? null, draftRevision: input.expectedRevision + 1, updatedAt: new Date() })
    .where(
      and(
        eq(workflows.id, input.workflowId),
        eq(workflows.organizationId, scope.org.id),
        eq(workflows.draftRevision, input.expectedRevision),
      ),
    )
    .returning({ revision: workflows.draftRevision });
  if (updated.length === 0) throw new TRPCError({ code: "CONFLICT", message: conflictMessage });
  return { revision: updated[0]!.revision };
}

export async function listVersions(scope: OrgScope, input: WorkflowIdInput) {
  const workflow = await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  const rows = await scope.db
    .select({
      id: workflowVersions.id,
      number: workflowVersions.number,
      note: workflowVersions.note,
      publishedAt: workflowVersions.publishedAt,
      publishedByName: users.name,
      publishedByEmail: users.email,
    })
    .from(workflowVersions)
    .leftJoin(users, eq(users.id, workflowVersions.publishedByUserId))
    .where(eq(workflowVersions.workflowId, workflow.id))
    .orderBy(desc(workflowVersions.number));
  return rows.map(({ publishedByEmail, ...row }) => ({
    ...row,
    publishedByName: row.publishedByName ?? publishedByEmail,
    isCurrent: row.id === workflow.publishedVersionId,
  }));
}

async function findVersion(scope: OrgScope, workflowId: string, versionId: string) {
  const [version] = await scope.db
    .select()
    .from(workflowVersions)
    .where(
      and(
        eq(workflowVersions.id, versionId),
        eq(workflowVersions.workflowId, workflowId),
        eq(workflowVersions.organizationId, scope.org.id),
      ),
    )
    .limit(1);
  if (!version) throw new TRPCError({ code: "NOT_FOUND", message: "That version was not found." });
  return version;
}

export async function getVersion(scope: OrgScope, input: VersionInput) {
  const version = await findVersion(scope, input.workflowId, input.versionId);
  return {
    id: version.id,
    number: version.number,
    note: version.note,
    publishedAt: version.publishedAt,
    graph: draftGraphSchema.parse(version.graph),
  };
}

export async function restoreVersion(scope: OrgScope, input: RestoreVersionInput) {
  await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  const version = await findVersion(scope, input.workflowId, input.versionId);
  return saveDraft(scope, { workflowId: input.workflowId, graph: version.graph, expectedRevision: input.expectedRevision });
}

export async function createBlank(scope: OrgScope, input: CreateBlankInput) {
  if (!(eventTypes as readonly string[]).includes(input.eventType)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Pick what starts the workflow: a missed call, an answered call, a text…" });
  }
  const workflow = await createWorkflow(scope.db, {
    organizationId: scope.org.id,
    name: input.name,
    graph: emptyGraph(input.eventType as EventType),
    createdByUserId: scope.user.id,
  });
  return { id: workflow.id };
}

export async function createFromTemplate(scope: OrgScope, input: CreateFromTemplateInput) {
  const template = findWorkflowTemplate(input.templateId);
  if (!template) throw new TRPCError({ code: "NOT_FOUND", message: "That template was not found." });
  const workflow = await createWorkflow(scope.db, {
    organizationId: scope.org.id,
    name: input.name ?? template.name,
    description: template.description,
    graph: structuredClone(template.graph),
    createdByUserId: scope.user.id,
  });
  return { id: workflow.id };
}

export async function renameWorkflow(scope: OrgScope, input: RenameInput) {
  const workflow = await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  await scope.db.update(workflows).set({ name: input.name, updatedAt: new Date() }).where(eq(workflows.id, workflow.id));
  return { id: workflow.id, name: input.name };
}

export async function duplicateWorkflow(scope: OrgScope, input: WorkflowIdInput) {
  const workflow = await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  const copy = await createWorkflow(scope.db, {
    organizationId: scope.org.id,
    name: `${workflow.name} (copy)`.slice(0, 120),
    description: workflow.description,
    graph: draftGraphSchema.parse(workflow.draftGraph),
    createdByUserId: scope.user.id,
  });
  return { id: copy.id };
}
