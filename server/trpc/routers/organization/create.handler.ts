import type { z } from "zod";
import { createOrganization } from "@/server/organizations/create-organization";
import type { ProtectedContext } from "../../procedures";
import type { createOrganizationSchema } from "./create.schema";

export async function createOrganizationHandler({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: z.infer<typeof createOrganizationSchema>;
}) {
  const organization = await ctx.db.transaction((tx) =>
    createOrganization(tx, { name: input.name, ownerUserId: ctx.user.id }, ctx.config.encryptionKey),
  );
  ctx.setActiveOrganizationId(organization.id);
  return { id: organization.id, name: organization.name };
}
