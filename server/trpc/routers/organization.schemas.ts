import { z } from "zod";
import { organizationNameSchema, timeZoneSchema, workspaceSetupSchema } from "@/lib/workspace-settings";

export const createOrganizationSchema = z.object({ name: organizationNameSchema, timezone: timeZoneSchema.optional() });

export const switchOrganizationSchema = z.object({ organizationId: z.string().min(1) });

export const updateOrganizationSchema = z.object({
  name: organizationNameSchema.optional(),
  timezone: timeZoneSchema.optional(),
});

/** First sign-in: both are required. */
export const completeSetupSchema = workspaceSetupSchema;
