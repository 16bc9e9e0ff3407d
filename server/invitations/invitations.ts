import { TRPCError } from "@trpc/server";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { invitations, memberships, organizations, users } from "@/db/schema";
import type { Role } from "@/lib/roles";
import { hashToken, newToken } from "../crypto/tokens";
import { createEmailSender } from "../email/email-sender";
import type { OrgScope, UserScope } from "../organizations/org-scope";
import { assertMayManageRole } from "../organizations/owner-guard";
import { invitationEmail } from "./invitation-email";

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

async function findInvitationByToken(db: Queryable, token: string) {
  const [row] = await db
    .select({ invitation: invitations, organizationName: organizations.name, inviterName: users.name, inviterEmail: users.email })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) {
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "This invitation link is not valid. It may have been replaced by a newer one or revoked.",
    });
  }
  return row;
}

/** Pending invitations of the organization, newest first. */
export async function listInvitations(scope: OrgScope) {
  const rows = await scope.db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(and(eq(invitations.organizationId, scope.org.id), isNull(invitations.acceptedAt)))
    .orderBy(desc(invitations.createdAt));
  const now = Date.now();
  return rows.map((row) => ({ ...row, expired: row.expiresAt.getTime() < now }));
}

/** Invites `email` with `role` (replacing a pending invitation to the same address) and emails the link. */
export async function createInvitation(scope: OrgScope, input: { email: string; role: Role }) {
  assertMayManageRole(scope.role, input.role);
  const [existingMember] = await scope.db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, scope.org.id), sql`lower(${users.email}) = ${input.email}`))
    .limit(1);
  if (existingMember) {
    throw new TRPCError({ code: "CONFLICT", message: `${input.email} is already a member of ${scope.org.name}.` });
  }

  const token = newToken();
  const url = `${scope.config.appUrl}/invite/${token}`;
  const invitation = await scope.db.transaction(async (tx) => {
    await tx
      .delete(invitations)
      .where(and(eq(invitations.organizationId, scope.org.id), eq(invitations.email, input.email), isNull(invitations.acceptedAt)));
    const [row] = await tx
      .insert(invitations)
      .values({
        organizationId: scope.org.id,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedByUserId: scope.user.id,
        expiresAt: new Date(Date.now() + SEVEN_DAYS_MS),
      })
      .returning();
    return row!;
  });

  const email = invitationEmail({
    inviter: scope.user.name || scope.user.email || "A teammate",
    organization: scope.org.name,
    role: input.role,
    url,
  });
  await createEmailSender(
    scope.config.email,
    scope.db,
  )({
    organizationId: scope.org.id,
    category: "invitation",
    to: input.email,
    actionUrl: url,
    idempotencyKey: `invitation-${invitation.id}`,
    ...email,
  });
  // With no way to email it, the admin who asked is the only one who can pass the link on.
  const linkToShare = scope.config.email.kind === "none" ? url : undefined;
  return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, linkToShare };
}

export async function revokeInvitation(scope: OrgScope, invitationId: string) {
  const deleted = await scope.db
    .delete(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, scope.org.id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  if (deleted.length === 0) throw new TRPCError({ code: "NOT_FOUND", message: "That invitation was not found." });
  return { revoked: invitationId };
}

/** What the invitation page shows before the signed-in person accepts. */
export async function getInvitation(scope: UserScope, token: string) {
  const { invitation, organizationName, inviterName, inviterEmail } = await findInvitationByToken(scope.db, token);
  return {
    organizationName,
    inviter: inviterName || inviterEmail || "A teammate",
    email: invitation.email,
    role: invitation.role,
    expired: invitation.expiresAt.getTime() < Date.now(),
    accepted: invitation.acceptedAt !== null,
    emailMatches: invitation.email.toLowerCase() === scope.user.email?.toLowerCase(),
  };
}

/** Makes the signed-in person a member with the invited role; the invitation works once, for its own address. */
export async function acceptInvitation(scope: UserScope, token: string) {
  const organizationId = await scope.db.transaction(async (tx) => {
    const { invitation, organizationName } = await findInvitationByToken(tx, token);
    if (invitation.email.toLowerCase() !== scope.user.email?.toLowerCase()) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This invitation is for ${invitation.email}. Sign out and sign in with that address to accept it.`,
      });
    }
    if (invitation.expiresAt.getTime() < Date.now()) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "This invitation has expired. Ask for a new one." });
    }
    const accepted = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (accepted.length === 0) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `This invitation to ${organizationName} was already used.` });
    }
    await tx
      .insert(memberships)
      .values({ organizationId: invitation.organizationId, userId: scope.user.id, role: invitation.role })
      .onConflictDoNothing();
    return invitation.organizationId;
  });
  return { organizationId };
}
