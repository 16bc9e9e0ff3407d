import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { memberships } from "@/db/schema";
import type { ProtectedContext } from "../../procedures";
import type { switchOrganizationSchema } from "./switch.schema";

export async function switchOrganization({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: z.infer<typeof switchOrganizationSchema>;
}) {
  const [membership] = await ctx.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, ctx.user.id), eq(memberships.organizationId, input.organizationId)))
    .limit(1);
  if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "That organization was not found." });
  ctx.setActiveOrganizationId(input.organizationId);
  return { organizationId: input.organizationId };
}
