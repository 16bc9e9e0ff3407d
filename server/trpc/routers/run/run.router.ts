import { createTRPCRouter } from "../../init";
import { orgProcedure } from "../../procedures";
import { getRun } from "./get.handler";
import { listRuns } from "./list.handler";
import { replayRunHandler } from "./replay.handler";
import { getRunSchema, listRunsSchema, replayRunSchema } from "./run.schemas";

export const runRouter = createTRPCRouter({
  list: orgProcedure("viewer").input(listRunsSchema).query(listRuns),
  get: orgProcedure("viewer").input(getRunSchema).query(getRun),
  replay: orgProcedure("editor").input(replayRunSchema).mutation(replayRunHandler),
});
