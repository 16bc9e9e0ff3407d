import { z } from "zod";
import { eventTypes } from "@/engine";

export const workflowIdSchema = z.object({ workflowId: z.string().min(1) });
export const workflowNameSchema = z.string().trim().min(1, "Give the workflow a name").max(120, "Keep the name under 120 characters");

/** The graph arrives as JSON; the engine's schema decides what it means. */
export const importWorkflowSchema = z.object({
  name: workflowNameSchema,
  description: z.string().trim().max(500).optional(),
  graph: z.unknown(),
  publish: z.boolean().default(false),
});

export const publishWorkflowSchema = workflowIdSchema.extend({ note: z.string().trim().max(500).optional() });
export const setEnabledSchema = workflowIdSchema.extend({ enabled: z.boolean() });

export const saveDraftSchema = workflowIdSchema.extend({
  graph: z.unknown(),
  viewport: z.object({ x: z.number(), y: z.number(), zoom: z.number() }).nullish(),
  expectedRevision: z.number().int().min(1),
});
export const versionSchema = workflowIdSchema.extend({ versionId: z.string().min(1) });
export const restoreVersionSchema = versionSchema.extend({ expectedRevision: z.number().int().min(1) });
export const createBlankSchema = z.object({ name: workflowNameSchema, eventType: z.string().min(1) });
export const createFromTemplateSchema = z.object({ templateId: z.string().min(1), name: workflowNameSchema.optional() });
export const renameSchema = workflowIdSchema.extend({ name: workflowNameSchema });

export const setAlertsEnabledSchema = workflowIdSchema.extend({ alertsEnabled: z.boolean() });

/** A sample event as edited in the panel (checked against the event format on the server), or a real one by id. */
export const testEventChoiceSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("sample"), payload: z.unknown() }),
  z.object({ source: z.literal("recent"), eventId: z.string().min(1) }),
]);

export const testRunSchema = workflowIdSchema.extend({
  /** The draft as it is on screen, saved or not. */
  graph: z.unknown(),
  event: testEventChoiceSchema,
  /** Off: actions are rendered and shown, not sent. On: they go out for real. */
  sendForReal: z.boolean().default(false),
});

export const testEventsSchema = workflowIdSchema.extend({ eventType: z.enum(eventTypes) });

export const webhookTestSchema = workflowIdSchema.extend({
  nodeId: z.string().min(1).max(64),
  /** The step's settings as they are on screen; checked by the catalogue's schema. */
  config: z.unknown(),
  event: testEventChoiceSchema,
});

export const webhookTestDeliveriesSchema = workflowIdSchema.extend({ nodeId: z.string().min(1).max(64) });

export type WorkflowIdInput = z.output<typeof workflowIdSchema>;
export type ImportWorkflowInput = z.output<typeof importWorkflowSchema>;
export type PublishWorkflowInput = z.output<typeof publishWorkflowSchema>;
export type SetEnabledInput = z.output<typeof setEnabledSchema>;
export type SaveDraftInput = z.output<typeof saveDraftSchema>;
export type VersionInput = z.output<typeof versionSchema>;
export type RestoreVersionInput = z.output<typeof restoreVersionSchema>;
export type CreateBlankInput = z.output<typeof createBlankSchema>;
export type CreateFromTemplateInput = z.output<typeof createFromTemplateSchema>;
export type RenameInput = z.output<typeof renameSchema>;
export type SetAlertsEnabledInput = z.output<typeof setAlertsEnabledSchema>;
export type TestEventChoiceInput = z.output<typeof testEventChoiceSchema>;
export type TestRunInput = z.output<typeof testRunSchema>;
export type TestEventsInput = z.output<typeof testEventsSchema>;
export type WebhookTestInput = z.output<typeof webhookTestSchema>;
export type WebhookTestDeliveriesInput = z.output<typeof webhookTestDeliveriesSchema>;
