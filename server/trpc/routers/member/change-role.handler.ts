import { eq } from "drizzle-orm";
import type { z } from "zod";
import { memberships } from "@/db/schema";
import { assertKeepsAnOwner, assertMayManageRole } from "@/server/organizations/owner-guard";
import type { OrgProcedureContext } from "../../procedures";
import type { changeRoleSchema } from "./change-role.schema";
import { findMembershipInOrg } from "./find-membership";

export async function changeRole({ ctx, input }: { ctx: OrgProcedureContext; input: z.infer<typeof changeRoleSchema> }) {
  return ctx.db.transaction(async (tx) => {
    const membership = await findMembershipInOrg(tx, ctx.org.id, input.membershipId);
    if (membership.role === input.role) return { membershipId: membership.id, role: membership.role };
    assertMayManageRole(ctx.role, membership.role, input.role);
    await assertKeepsAnOwner(
      tx,
      ctx.org.id,
      membership.role,
      "This is the only owner. Make someone else an owner first.",
    );
    await tx.update(memberships).set({ role: input.role }).where(eq(memberships.id, membership.id));
    return { membershipId: membership.id, role: input.role };
  });
}
