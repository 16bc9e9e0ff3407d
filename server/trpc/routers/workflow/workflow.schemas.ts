import { z } from "zod";

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
