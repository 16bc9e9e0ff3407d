import { TRPCError } from "@trpc/server";
import { and, asc, eq } from "drizzle-orm";
import { memberships, organizations } from "@/db/schema";
import { createOrganization } from "./create-organization";
import { needsSetup } from "./onboarding";
import type { OrgScope, UserScope } from "./org-scope";

/** The workspaces the user belongs to, for the workspace switcher. */
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
  return { id, name, slug, timezone, role: scope.role, needsSetup: needsSetup(scope.org, scope.role) };
}

/** Refuses a workspace the user does not belong to; the caller then makes it the active one. */
export async function assertIsMember(scope: UserScope, organizationId: string) {
  const [membership] = await scope.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, scope.user.id), eq(memberships.organizationId, organizationId)))
    .limit(1);
  if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "That workspace was not found." });
}

/** "New workspace": named by the person (and given a time zone), so it needs no further setup. */
export async function createOwnOrganization(scope: UserScope, input: { name: string; timezone?: string }) {
  const organization = await scope.db.transaction((tx) =>
    createOrganization(tx, { name: input.name, timezone: input.timezone, ownerUserId: scope.user.id }, scope.config.encryptionKey),
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
