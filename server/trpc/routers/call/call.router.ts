import { createTRPCRouter } from "../../init";
import { orgProcedure } from "../../procedures";
import { getCallSchema, listCallsSchema } from "./call.schemas";
import { getCall } from "./get.handler";
import { listCalls } from "./list.handler";

/** Calls to the organization's tracking numbers (and CallRail's): everyone in the organization reads them. */
export const callRouter = createTRPCRouter({
  list: orgProcedure("viewer").input(listCallsSchema).query(listCalls),
  get: orgProcedure("viewer").input(getCallSchema).query(getCall),
});
