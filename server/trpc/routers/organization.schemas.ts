import { z } from "zod";

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The workspace's name: the business name callers see in texts and emails. Shared by the forms and the server. */
export const organizationNameSchema = z
  .string()
  .trim()
  .min(1, "Give your workspace a name")
  .min(2, "Use at least 2 characters for the name")
  .max(80, "Keep the name under 80 characters");

export const timeZoneSchema = z
  .string({ message: "Pick a time zone from the list" })
  .min(1, "Pick a time zone from the list")
  .refine(isTimeZone, "Pick a time zone from the list, such as New York");

export const createOrganizationSchema = z.object({ name: organizationNameSchema, timezone: timeZoneSchema.optional() });

export const switchOrganizationSchema = z.object({ organizationId: z.string().min(1) });

export const updateOrganizationSchema = z.object({
  name: organizationNameSchema.optional(),
  timezone: timeZoneSchema.optional(),
});

/** First sign-in: both are required. */
export const completeSetupSchema = z.object({ name: organizationNameSchema, timezone: timeZoneSchema });
