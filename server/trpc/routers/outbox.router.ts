import { listOutbox } from "@/server/outbox/list-outbox";
import { createTRPCRouter } from "../init";
import { orgProcedure } from "../procedures";
import { listOutboxSchema } from "./outbox.schemas";

export const outboxRouter = createTRPCRouter({
  list: orgProcedure("viewer")
    .input(listOutboxSchema)
    .query(({ ctx, input }) => listOutbox(ctx, input)),
});
