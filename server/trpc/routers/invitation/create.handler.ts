import { TRPCError } from "@trpc/server";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { invitations, memberships, users } from "@/db/schema";
import { hashToken, newToken } from "@/server/crypto/tokens";
import { createEmailSender } from "@/server/email/email-sender";
import { assertMayManageRole } from "@/server/organizations/owner-guard";
import type { OrgProcedureContext } from "../../procedures";
import type { createInvitationSchema } from "./create.schema";
import { invitationEmail } from "./invitation-email";

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

export async function createInvitation({
  ctx,
  input,
}: {
  ctx: OrgProcedureContext;
  input: z.infer<typeof createInvitationSchema>;
}) {
  assertMayManageRole(ctx.role, input.role);
  const [existingMember] = await ctx.db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, ctx.org.id), sql`lower(${users.email}) = ${input.email}`))
    .limit(1);
  if (existingMember) {
    throw new TRPCError({ code: "CONFLICT", message: `${input.email} is already a member of ${ctx.org.name}.` });
  }

  const token = newToken();
  const url = `${ctx.config.appUrl}/invite/${token}`;
  const invitation = await ctx.db.transaction(async (tx) => {
    // Inviting the same address again replaces the pending invitation (new link, new role).
    await tx
      .delete(invitations)
      .where(
        and(eq(invitations.organizationId, ctx.org.id), eq(invitations.email, input.email), isNull(invitations.acceptedAt)),
      );
    const [row] = await tx
      .insert(invitations)
      .values({
        organizationId: ctx.org.id,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedByUserId: ctx.user.id,
        expiresAt: new Date(Date.now() + SEVEN_DAYS_MS),
      })
      .returning();
    return row!;
  });

  const email = invitationEmail({
    inviter: ctx.user.name || ctx.user.email || "A teammate",
    organization: ctx.org.name,
    role: input.role,
    url,
  });
  await createEmailSender(ctx.config.email, ctx.db)({
    organizationId: ctx.org.id,
    category: "invitation",
    to: input.email,
    actionUrl: url,
    idempotencyKey: `invitation-${invitation.id}`,
    ...email,
  });
  // With no way to email it, the admin who asked is the only one who can pass the link on.
  const linkToShare = ctx.config.email.kind === "none" ? url : undefined;
  return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, linkToShare };
}
