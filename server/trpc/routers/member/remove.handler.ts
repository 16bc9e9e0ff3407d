import { eq } from "drizzle-orm";
import type { z } from "zod";
import { memberships } from "@/db/schema";
import { assertKeepsAnOwner, assertMayManageRole } from "@/server/organizations/owner-guard";
import type { OrgProcedureContext } from "../../procedures";
import { findMembershipInOrg } from "./find-membership";
import type { removeMemberSchema } from "./remove.schema";

export async function removeMember({ ctx, input }: { ctx: OrgProcedureContext; input: z.infer<typeof removeMemberSchema> }) {
  return ctx.db.transaction(async (tx) => {
    const membership = await findMembershipInOrg(tx, ctx.org.id, input.membershipId);
    assertMayManageRole(ctx.role, membership.role);
    await assertKeepsAnOwner(tx, ctx.org.id, membership.role, "This is the only owner and cannot be removed.");
    await tx.delete(memberships).where(eq(memberships.id, membership.id));
    return { removed: membership.id };
  });
}
