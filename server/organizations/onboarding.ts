import { eq } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { hasRole, type Role } from "@/lib/roles";
import type { OrgScope } from "./org-scope";

/**
 * Whether the app should ask for the business name and time zone before anything else: the
 * workspace was never set up, and this person may set it up (others just use it as it is).
 */
export function needsSetup(organization: { onboardedAt: Date | null }, role: Role): boolean {
  return organization.onboardedAt === null && hasRole(role, "admin");
}

/** First sign-in: the business name callers will see and the time zone business hours are read in. */
export async function completeSetup(scope: OrgScope, input: { name: string; timezone: string }) {
  const [organization] = await scope.db
    .update(organizations)
    .set({ name: input.name, timezone: input.timezone, onboardedAt: new Date() })
    .where(eq(organizations.id, scope.org.id))
    .returning({ id: organizations.id, name: organizations.name, timezone: organizations.timezone });
  return organization!;
}
