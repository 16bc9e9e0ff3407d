import { createTRPCRouter } from "../../init";
import { orgProcedure } from "../../procedures";
import { listOutbox } from "./list.handler";
import { listOutboxSchema } from "./list.schema";

export const outboxRouter = createTRPCRouter({
  list: orgProcedure("viewer").input(listOutboxSchema).query(listOutbox),
});
