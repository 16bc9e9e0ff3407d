import { TRPCError } from "@trpc/server";
import { and, asc, eq } from "drizzle-orm";
import { memberships, organizations } from "@/db/schema";
import { createOrganization } from "./create-organization";
import type { OrgScope, UserScope } from "./org-scope";

/** The organizations the user belongs to, for the org switcher. */
export async function listOrganizations(scope: UserScope) {
  return scope.db
    .select({ id: organizations.id, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, scope.user.id))
    .orderBy(asc(organizations.name));
}

export function currentOrganization(scope: OrgScope) {
  const { id, name, slug, timezone } = scope.org;
  return { id, name, slug, timezone, role: scope.role };
}

/** Refuses an organization the user does not belong to; the caller then makes it the active one. */
export async function assertIsMember(scope: UserScope, organizationId: string) {
  const [membership] = await scope.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, scope.user.id), eq(memberships.organizationId, organizationId)))
    .limit(1);
  if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "That organization was not found." });
}

export async function createOwnOrganization(scope: UserScope, name: string) {
  const organization = await scope.db.transaction((tx) =>
    createOrganization(tx, { name, ownerUserId: scope.user.id }, scope.config.encryptionKey),
  );
  return { id: organization.id, name: organization.name };
}

export async function updateOrganization(scope: OrgScope, input: { name?: string; timezone?: string }) {
  const [organization] = await scope.db
    .update(organizations)
    .set({ ...(input.name ? { name: input.name } : {}), ...(input.timezone ? { timezone: input.timezone } : {}) })
    .where(eq(organizations.id, scope.org.id))
    .returning({ id: organizations.id, name: organizations.name, timezone: organizations.timezone });
  return organization!;
}
