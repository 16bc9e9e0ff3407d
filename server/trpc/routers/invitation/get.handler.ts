import type { z } from "zod";
import type { ProtectedContext } from "../../procedures";
import type { invitationTokenSchema } from "./by-token.schema";
import { findInvitationByToken } from "./find-by-token";

/** What the invitation page shows before the user accepts. */
export async function getInvitation({ ctx, input }: { ctx: ProtectedContext; input: z.infer<typeof invitationTokenSchema> }) {
  const { invitation, organizationName, inviterName, inviterEmail } = await findInvitationByToken(ctx.db, input.token);
  return {
    organizationName,
    inviter: inviterName || inviterEmail || "A teammate",
    email: invitation.email,
    role: invitation.role,
    expired: invitation.expiresAt.getTime() < Date.now(),
    accepted: invitation.acceptedAt !== null,
    emailMatches: invitation.email.toLowerCase() === ctx.user.email?.toLowerCase(),
  };
}
