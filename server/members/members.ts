import { TRPCError } from "@trpc/server";
import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Role } from "@/lib/roles";
import type { OrgScope } from "../organizations/org-scope";
import { assertKeepsAnOwner, assertMayManageRole } from "../organizations/owner-guard";

/** A membership of the caller's organization, or not-found (also for ids of other organizations). */
async function findMembershipInOrg(db: Queryable, organizationId: string, membershipId: string) {
  const [membership] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, organizationId)))
    .limit(1);
  if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "That member was not found." });
  return membership;
}

export async function listMembers(scope: OrgScope) {
  const rows = await scope.db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      image: users.image,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, scope.org.id))
    .orderBy(asc(memberships.createdAt));
  return rows.map((row) => ({ ...row, isYou: row.userId === scope.user.id }));
}

export async function changeRole(scope: OrgScope, input: { membershipId: string; role: Role }) {
  return scope.db.transaction(async (tx) => {
    const membership = await findMembershipInOrg(tx, scope.org.id, input.membershipId);
    if (membership.role === input.role) return { membershipId: membership.id, role: membership.role };
    assertMayManageRole(scope.role, membership.role, input.role);
    await assertKeepsAnOwner(tx, scope.org.id, membership.role, "This is the only owner. Make someone else an owner first.");
    await tx.update(memberships).set({ role: input.role }).where(eq(memberships.id, membership.id));
    return { membershipId: membership.id, role: input.role };
  });
}

export async function removeMember(scope: OrgScope, membershipId: string) {
  return scope.db.transaction(async (tx) => {
    const membership = await findMembershipInOrg(tx, scope.org.id, membershipId);
    assertMayManageRole(scope.role, membership.role);
    await assertKeepsAnOwner(tx, scope.org.id, membership.role, "This is the only owner and cannot be removed.");
    await tx.delete(memberships).where(eq(memberships.id, membership.id));
    return { removed: membership.id };
  });
}

export async function leaveOrganization(scope: OrgScope) {
  await scope.db.transaction(async (tx) => {
    await assertKeepsAnOwner(tx, scope.org.id, scope.role, "You are the only owner. Make someone else an owner before you leave.");
    await tx.delete(memberships).where(eq(memberships.id, scope.membershipId));
  });
  return { left: scope.org.id };
}
