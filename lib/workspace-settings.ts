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
  .max(80, "Keep the name under 80 characters")
  // One line in a text's signature: a pasted line break or tab is a space.
  .transform((name) => name.replace(/\s+/g, " "));

export const timeZoneSchema = z
  .string({ message: "Pick a time zone from the list" })
  .min(1, "Pick a time zone from the list")
  .refine(isTimeZone, "Pick a time zone from the list, such as New York")
  // Stored as the zone's own name ("america/new_york" is America/New_York), so the list finds it again.
  .transform((zone) => new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone);

/** First sign-in asks for both (and Settings saves both). */
export const workspaceSetupSchema = z.object({ name: organizationNameSchema, timezone: timeZoneSchema });

/** How a text or email step writes the business name; Settings shows it so people can find it. */
export const businessNameVariable = "{{ organization.name }}";
