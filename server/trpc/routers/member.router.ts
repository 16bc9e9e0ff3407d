import { changeRole, leaveOrganization, listMembers, removeMember } from "@/server/members/members";
import { createTRPCRouter } from "../init";
import { orgProcedure } from "../procedures";
import { changeRoleSchema, removeMemberSchema } from "./member.schemas";

export const memberRouter = createTRPCRouter({
  list: orgProcedure("viewer").query(({ ctx }) => listMembers(ctx)),
  changeRole: orgProcedure("admin")
    .input(changeRoleSchema)
    .mutation(({ ctx, input }) => changeRole(ctx, input)),
  remove: orgProcedure("admin")
    .input(removeMemberSchema)
    .mutation(({ ctx, input }) => removeMember(ctx, input.membershipId)),
  leave: orgProcedure("viewer").mutation(({ ctx }) => leaveOrganization(ctx)),
});
