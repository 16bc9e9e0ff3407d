import { TRPCError } from "@trpc/server";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { invitations, memberships } from "@/db/schema";
import type { ProtectedContext } from "../../procedures";
import type { invitationTokenSchema } from "./by-token.schema";
import { findInvitationByToken } from "./find-by-token";

export async function acceptInvitation({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: z.infer<typeof invitationTokenSchema>;
}) {
  const organizationId = await ctx.db.transaction(async (tx) => {
    const { invitation, organizationName } = await findInvitationByToken(tx, input.token);
    if (invitation.email.toLowerCase() !== ctx.user.email?.toLowerCase()) {
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
      .values({ organizationId: invitation.organizationId, userId: ctx.user.id, role: invitation.role })
      .onConflictDoNothing();
    return invitation.organizationId;
  });
  ctx.setActiveOrganizationId(organizationId);
  return { organizationId };
}
