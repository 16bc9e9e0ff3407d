import {
  assertIsMember,
  createOwnOrganization,
  currentOrganization,
  listOrganizations,
  updateOrganization,
} from "@/server/organizations/organizations";
import { createTRPCRouter } from "../init";
import { orgProcedure, protectedProcedure } from "../procedures";
import { createOrganizationSchema, switchOrganizationSchema, updateOrganizationSchema } from "./organization.schemas";

export const organizationRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listOrganizations(ctx)),
  current: orgProcedure("viewer").query(({ ctx }) => currentOrganization(ctx)),
  switch: protectedProcedure.input(switchOrganizationSchema).mutation(async ({ ctx, input }) => {
    await assertIsMember(ctx, input.organizationId);
    ctx.setActiveOrganizationId(input.organizationId);
    return { organizationId: input.organizationId };
  }),
  create: protectedProcedure.input(createOrganizationSchema).mutation(async ({ ctx, input }) => {
    const organization = await createOwnOrganization(ctx, input.name);
    ctx.setActiveOrganizationId(organization.id);
    return organization;
  }),
  update: orgProcedure("admin")
    .input(updateOrganizationSchema)
    .mutation(({ ctx, input }) => updateOrganization(ctx, input)),
});
