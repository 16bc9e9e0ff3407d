import { createTRPCRouter } from "../../init";
import { orgProcedure } from "../../procedures";
import { getRun } from "./get.handler";
import { listRuns } from "./list.handler";
import { getRunSchema, listRunsSchema } from "./run.schemas";

export const runRouter = createTRPCRouter({
  list: orgProcedure("viewer").input(listRunsSchema).query(listRuns),
  get: orgProcedure("viewer").input(getRunSchema).query(getRun),
});
