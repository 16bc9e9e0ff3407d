import { z } from "zod";

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const organizationNameSchema = z
  .string()
  .trim()
  .min(2, "Give the organization a name of at least 2 characters")
  .max(80, "Keep the name under 80 characters");

export const createOrganizationSchema = z.object({ name: organizationNameSchema });

export const switchOrganizationSchema = z.object({ organizationId: z.string().min(1) });

export const updateOrganizationSchema = z.object({
  name: organizationNameSchema.optional(),
  timezone: z.string().refine(isTimeZone, "Pick a time zone from the list, such as America/New_York").optional(),
});
