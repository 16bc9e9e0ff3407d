import { eq } from "drizzle-orm";
import { memberships } from "@/db/schema";
import { assertKeepsAnOwner } from "@/server/organizations/owner-guard";
import type { OrgProcedureContext } from "../../procedures";

export async function leaveOrganization({ ctx }: { ctx: OrgProcedureContext }) {
  await ctx.db.transaction(async (tx) => {
    await assertKeepsAnOwner(
      tx,
      ctx.org.id,
      ctx.role,
      "You are the only owner. Make someone else an owner before you leave.",
    );
    await tx.delete(memberships).where(eq(memberships.id, ctx.membershipId));
  });
  return { left: ctx.org.id };
}
