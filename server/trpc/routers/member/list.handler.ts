import { asc, eq } from "drizzle-orm";
import { memberships, users } from "@/db/schema";
import type { OrgProcedureContext } from "../../procedures";

export async function listMembers({ ctx }: { ctx: OrgProcedureContext }) {
  const rows = await ctx.db
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
    .where(eq(memberships.organizationId, ctx.org.id))
    .orderBy(asc(memberships.createdAt));
  return rows.map((row) => ({ ...row, isYou: row.userId === ctx.user.id }));
}
