import { createTRPCRouter } from "../../init";
import { orgProcedure } from "../../procedures";
import { setAlertsEnabled } from "./alerts.handler";
import { setAlertsEnabledSchema } from "./alerts.schema";
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
} from "./draft.handlers";
import { deleteWorkflow, importWorkflow, listWorkflows, publishWorkflow, setWorkflowEnabled } from "./workflow.handlers";
import {
  createBlankSchema,
  createFromTemplateSchema,
  importWorkflowSchema,
  publishWorkflowSchema,
  renameSchema,
  restoreVersionSchema,
  saveDraftSchema,
  setEnabledSchema,
  versionSchema,
  workflowIdSchema,
} from "./workflow.schemas";
import { testEvents, testRun } from "./test-run.handler";
import { testEventsSchema, testRunSchema } from "./test-run.schema";
import { previewTestWebhook, sendWebhookTest, webhookTestDeliveries } from "./webhook-test.handler";
import { webhookTestDeliveriesSchema, webhookTestSchema } from "./webhook-test.schema";

export const workflowRouter = createTRPCRouter({
  list: orgProcedure("viewer").query(listWorkflows),
  get: orgProcedure("viewer").input(workflowIdSchema).query(getWorkflow),
  versions: orgProcedure("viewer").input(workflowIdSchema).query(listVersions),
  version: orgProcedure("viewer").input(versionSchema).query(getVersion),
  createBlank: orgProcedure("editor").input(createBlankSchema).mutation(createBlank),
  createFromTemplate: orgProcedure("editor").input(createFromTemplateSchema).mutation(createFromTemplate),
  importJson: orgProcedure("editor").input(importWorkflowSchema).mutation(importWorkflow),
  rename: orgProcedure("editor").input(renameSchema).mutation(renameWorkflow),
  duplicate: orgProcedure("editor").input(workflowIdSchema).mutation(duplicateWorkflow),
  saveDraft: orgProcedure("editor").input(saveDraftSchema).mutation(saveDraft),
  restoreVersion: orgProcedure("editor").input(restoreVersionSchema).mutation(restoreVersion),
  publish: orgProcedure("editor").input(publishWorkflowSchema).mutation(publishWorkflow),
  setEnabled: orgProcedure("editor").input(setEnabledSchema).mutation(setWorkflowEnabled),
  delete: orgProcedure("editor").input(workflowIdSchema).mutation(deleteWorkflow),
  setAlertsEnabled: orgProcedure("editor").input(setAlertsEnabledSchema).mutation(setAlertsEnabled),
  testRun: orgProcedure("editor").input(testRunSchema).mutation(testRun),
  testEvents: orgProcedure("editor").input(testEventsSchema).query(testEvents),
  previewTestWebhook: orgProcedure("editor").input(webhookTestSchema).mutation(previewTestWebhook),
  sendTestWebhook: orgProcedure("editor").input(webhookTestSchema).mutation(sendWebhookTest),
  testWebhookDeliveries: orgProcedure("viewer").input(webhookTestDeliveriesSchema).query(webhookTestDeliveries),
});
