import { createTRPCRouter } from "../../init";
import { orgProcedure } from "../../procedures";
import { changeRole } from "./change-role.handler";
import { changeRoleSchema } from "./change-role.schema";
import { leaveOrganization } from "./leave.handler";
import { listMembers } from "./list.handler";
import { removeMember } from "./remove.handler";
import { removeMemberSchema } from "./remove.schema";

export const memberRouter = createTRPCRouter({
  list: orgProcedure("viewer").query(listMembers),
  changeRole: orgProcedure("admin").input(changeRoleSchema).mutation(changeRole),
  remove: orgProcedure("admin").input(removeMemberSchema).mutation(removeMember),
  leave: orgProcedure("viewer").mutation(leaveOrganization),
});
