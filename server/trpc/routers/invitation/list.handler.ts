import { and, desc, eq, isNull } from "drizzle-orm";
import { invitations } from "@/db/schema";
import type { OrgProcedureContext } from "../../procedures";

export async function listInvitations({ ctx }: { ctx: OrgProcedureContext }) {
  const rows = await ctx.db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(and(eq(invitations.organizationId, ctx.org.id), isNull(invitations.acceptedAt)))
    .orderBy(desc(invitations.createdAt));
  const now = Date.now();
  return rows.map((row) => ({ ...row, expired: row.expiresAt.getTime() < now }));
}
