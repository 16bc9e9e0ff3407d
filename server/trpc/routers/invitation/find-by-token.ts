import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { invitations, organizations, users } from "@/db/schema";
import { hashToken } from "@/server/crypto/tokens";

export async function findInvitationByToken(db: Queryable, token: string) {
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
