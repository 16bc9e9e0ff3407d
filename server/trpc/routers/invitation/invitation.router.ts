import { createTRPCRouter } from "../../init";
import { orgProcedure, protectedProcedure } from "../../procedures";
import { acceptInvitation } from "./accept.handler";
import { invitationTokenSchema } from "./by-token.schema";
import { createInvitation } from "./create.handler";
import { createInvitationSchema } from "./create.schema";
import { getInvitation } from "./get.handler";
import { listInvitations } from "./list.handler";
import { revokeInvitation } from "./revoke.handler";
import { revokeInvitationSchema } from "./revoke.schema";

export const invitationRouter = createTRPCRouter({
  list: orgProcedure("admin").query(listInvitations),
  create: orgProcedure("admin").input(createInvitationSchema).mutation(createInvitation),
  revoke: orgProcedure("admin").input(revokeInvitationSchema).mutation(revokeInvitation),
  get: protectedProcedure.input(invitationTokenSchema).query(getInvitation),
  accept: protectedProcedure.input(invitationTokenSchema).mutation(acceptInvitation),
});
