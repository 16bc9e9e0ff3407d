import { createTRPCRouter } from "../../init";
import { orgProcedure, protectedProcedure } from "../../procedures";
import { createOrganizationHandler } from "./create.handler";
import { createOrganizationSchema } from "./create.schema";
import { currentOrganization } from "./current.handler";
import { listOrganizations } from "./list.handler";
import { switchOrganization } from "./switch.handler";
import { switchOrganizationSchema } from "./switch.schema";
import { updateOrganization } from "./update.handler";
import { updateOrganizationSchema } from "./update.schema";

export const organizationRouter = createTRPCRouter({
  list: protectedProcedure.query(listOrganizations),
  current: orgProcedure("viewer").query(currentOrganization),
  switch: protectedProcedure.input(switchOrganizationSchema).mutation(switchOrganization),
  create: protectedProcedure.input(createOrganizationSchema).mutation(createOrganizationHandler),
  update: orgProcedure("admin").input(updateOrganizationSchema).mutation(updateOrganization),
});
