import { TRPCError } from "@trpc/server";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { invitations } from "@/db/schema";
import type { OrgProcedureContext } from "../../procedures";
import type { revokeInvitationSchema } from "./revoke.schema";

export async function revokeInvitation({
  ctx,
  input,
}: {
  ctx: OrgProcedureContext;
  input: z.infer<typeof revokeInvitationSchema>;
}) {
  const deleted = await ctx.db
    .delete(invitations)
    .where(
      and(
        eq(invitations.id, input.invitationId),
        eq(invitations.organizationId, ctx.org.id),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  if (deleted.length === 0) throw new TRPCError({ code: "NOT_FOUND", message: "That invitation was not found." });
  return { revoked: input.invitationId };
}
