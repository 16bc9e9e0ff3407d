import {
  assertIsMember,
  createOwnOrganization,
  currentOrganization,
  listOrganizations,
  updateOrganization,
} from "@/server/organizations/organizations";
import { completeSetup } from "@/server/organizations/onboarding";
import { createTRPCRouter } from "../init";
import { orgProcedure, protectedProcedure } from "../procedures";
import { completeSetupSchema, createOrganizationSchema, switchOrganizationSchema, updateOrganizationSchema } from "./organization.schemas";

export const organizationRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listOrganizations(ctx)),
  current: orgProcedure("viewer").query(({ ctx }) => currentOrganization(ctx)),
  switch: protectedProcedure.input(switchOrganizationSchema).mutation(async ({ ctx, input }) => {
    await assertIsMember(ctx, input.organizationId);
    ctx.setActiveOrganizationId(input.organizationId);
    return { organizationId: input.organizationId };
  }),
  create: protectedProcedure.input(createOrganizationSchema).mutation(async ({ ctx, input }) => {
    const organization = await createOwnOrganization(ctx, input);
    ctx.setActiveOrganizationId(organization.id);
    return organization;
  }),
  /** First sign-in: the business name and time zone, asked before the app (app/(auth)/onboarding). */
  completeSetup: orgProcedure("admin")
    .input(completeSetupSchema)
    .mutation(({ ctx, input }) => completeSetup(ctx, input)),
  update: orgProcedure("admin")
    .input(updateOrganizationSchema)
    .mutation(({ ctx, input }) => updateOrganization(ctx, input)),
});
