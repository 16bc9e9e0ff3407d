import { z } from "zod";
import { organizationNameSchema } from "./create.schema";

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const updateOrganizationSchema = z.object({
  name: organizationNameSchema.optional(),
  timezone: z
    .string()
    .refine(isTimeZone, "Pick a time zone from the list, such as America/New_York")
    .optional(),
});
