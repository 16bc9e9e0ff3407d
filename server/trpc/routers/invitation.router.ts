import { acceptInvitation, createInvitation, getInvitation, listInvitations, revokeInvitation } from "@/server/invitations/invitations";
import { createTRPCRouter } from "../init";
import { orgProcedure, protectedProcedure } from "../procedures";
import { createInvitationSchema, invitationTokenSchema, revokeInvitationSchema } from "./invitation.schemas";

export const invitationRouter = createTRPCRouter({
  list: orgProcedure("admin").query(({ ctx }) => listInvitations(ctx)),
  create: orgProcedure("admin")
    .input(createInvitationSchema)
    .mutation(({ ctx, input }) => createInvitation(ctx, input)),
  revoke: orgProcedure("admin")
    .input(revokeInvitationSchema)
    .mutation(({ ctx, input }) => revokeInvitation(ctx, input.invitationId)),
  get: protectedProcedure.input(invitationTokenSchema).query(({ ctx, input }) => getInvitation(ctx, input.token)),
  accept: protectedProcedure.input(invitationTokenSchema).mutation(async ({ ctx, input }) => {
    const accepted = await acceptInvitation(ctx, input.token);
    ctx.setActiveOrganizationId(accepted.organizationId);
    return accepted;
  }),
});
