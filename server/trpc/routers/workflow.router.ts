import { testEvents, testRun } from "@/server/dry-runs/dry-run-requests";
import { previewTestWebhook, sendWebhookTest, webhookTestDeliveries } from "@/server/webhook-previews/webhook-preview-requests";
import { setAlertsEnabled } from "@/server/workflows/failure-alerts-setting";
import {
  createBlank,
  createFromTemplate,
  duplicateWorkflow,
  getVersion,
  getWorkflow,
  listVersions,
  renameWorkflow,
  restoreVersion,
  saveDraft,
} from "@/server/workflows/workflow-drafts";
import {
  checkPublishable,
  deleteWorkflow,
  importWorkflow,
  listWorkflows,
  publishWorkflow,
  setWorkflowEnabled,
} from "@/server/workflows/workflows";
import { createTRPCRouter } from "../init";
import { orgProcedure } from "../procedures";
import {
  createBlankSchema,
  createFromTemplateSchema,
  importWorkflowSchema,
  publishWorkflowSchema,
  renameSchema,
  restoreVersionSchema,
  saveDraftSchema,
  setAlertsEnabledSchema,
  setEnabledSchema,
  testEventsSchema,
  testRunSchema,
  versionSchema,
  webhookTestDeliveriesSchema,
  webhookTestSchema,
  workflowIdSchema,
} from "./workflow.schemas";

const viewer = orgProcedure("viewer");
const editor = orgProcedure("editor");

export const workflowRouter = createTRPCRouter({
  list: viewer.query(({ ctx }) => listWorkflows(ctx)),
  get: viewer.input(workflowIdSchema).query(({ ctx, input }) => getWorkflow(ctx, input)),
  versions: viewer.input(workflowIdSchema).query(({ ctx, input }) => listVersions(ctx, input)),
  version: viewer.input(versionSchema).query(({ ctx, input }) => getVersion(ctx, input)),
  createBlank: editor.input(createBlankSchema).mutation(({ ctx, input }) => createBlank(ctx, input)),
  createFromTemplate: editor.input(createFromTemplateSchema).mutation(({ ctx, input }) => createFromTemplate(ctx, input)),
  importJson: editor.input(importWorkflowSchema).mutation(({ ctx, input }) => importWorkflow(ctx, input)),
  rename: editor.input(renameSchema).mutation(({ ctx, input }) => renameWorkflow(ctx, input)),
  duplicate: editor.input(workflowIdSchema).mutation(({ ctx, input }) => duplicateWorkflow(ctx, input)),
  saveDraft: editor.input(saveDraftSchema).mutation(({ ctx, input }) => saveDraft(ctx, input)),
  restoreVersion: editor.input(restoreVersionSchema).mutation(({ ctx, input }) => restoreVersion(ctx, input)),
  publishCheck: editor.input(workflowIdSchema).query(({ ctx, input }) => checkPublishable(ctx, input)),
  publish: editor.input(publishWorkflowSchema).mutation(({ ctx, input }) => publishWorkflow(ctx, input)),
  setEnabled: editor.input(setEnabledSchema).mutation(({ ctx, input }) => setWorkflowEnabled(ctx, input)),
  delete: editor.input(workflowIdSchema).mutation(({ ctx, input }) => deleteWorkflow(ctx, input)),
  setAlertsEnabled: editor.input(setAlertsEnabledSchema).mutation(({ ctx, input }) => setAlertsEnabled(ctx, input)),
  testRun: editor.input(testRunSchema).mutation(({ ctx, input }) => testRun(ctx, input)),
  testEvents: editor.input(testEventsSchema).query(({ ctx, input }) => testEvents(ctx, input)),
  previewTestWebhook: editor.input(webhookTestSchema).mutation(({ ctx, input }) => previewTestWebhook(ctx, input)),
  sendTestWebhook: editor.input(webhookTestSchema).mutation(({ ctx, input }) => sendWebhookTest(ctx, input)),
  testWebhookDeliveries: viewer.input(webhookTestDeliveriesSchema).query(({ ctx, input }) => webhookTestDeliveries(ctx, input)),
});
