import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import { createPersonalOrganization } from "./create-organization";
import type { Role } from "@/lib/roles";

export type ActiveMembership = {
  membershipId: string;
  role: Role;
  organization: typeof organizations.$inferSelect;
};

async function membershipIn(db: Database, userId: string, organizationId: string) {
  const [row] = await db
    .select({ membershipId: memberships.id, role: memberships.role, organization: organizations })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)))
    .limit(1);
  return row;
}

/**
 * The organization a request acts in: the one the user picked (cookie) if they still belong
 * to it, else their oldest membership. Someone who has left every org gets a fresh personal one,
 * so a signed-in user always has somewhere to work.
 */
export async function resolveActiveMembership(
  db: Database,
  user: { id: string; name?: string | null; email?: string | null },
  preferredOrganizationId: string | undefined,
  encryptionKey: Buffer,
): Promise<ActiveMembership> {
  if (preferredOrganizationId) {
    const preferred = await membershipIn(db, user.id, preferredOrganizationId);
    if (preferred) return preferred;
  }
  const [first] = await db
    .select({ membershipId: memberships.id, role: memberships.role, organization: organizations })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.createdAt), asc(memberships.id))
    .limit(1);
  if (first) return first;

  const organization = await createPersonalOrganization(db, user, encryptionKey);
  return (await membershipIn(db, user.id, organization.id))!;
}
