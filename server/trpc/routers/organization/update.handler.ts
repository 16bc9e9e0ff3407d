import { eq } from "drizzle-orm";
import type { z } from "zod";
import { organizations } from "@/db/schema";
import type { OrgProcedureContext } from "../../procedures";
import type { updateOrganizationSchema } from "./update.schema";

export async function updateOrganization({
  ctx,
  input,
}: {
  ctx: OrgProcedureContext;
  input: z.infer<typeof updateOrganizationSchema>;
}) {
  const [organization] = await ctx.db
    .update(organizations)
    .set({ ...(input.name ? { name: input.name } : {}), ...(input.timezone ? { timezone: input.timezone } : {}) })
    .where(eq(organizations.id, ctx.org.id))
    .returning({ id: organizations.id, name: organizations.name, timezone: organizations.timezone });
  return organization!;
}
