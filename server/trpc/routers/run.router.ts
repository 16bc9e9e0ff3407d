import { TRPCError } from "@trpc/server";
import { getRun } from "@/server/runs/get-run";
import { listRunsPage } from "@/server/runs/list-runs";
import { replayRun } from "@/server/runs/replay-run";
import { createTRPCRouter } from "../init";
import { orgProcedure } from "../procedures";
import { getRunSchema, listRunsSchema, replayRunSchema } from "./run.schemas";

const replayErrorCodes = { not_found: "NOT_FOUND", test_run: "BAD_REQUEST", not_published: "PRECONDITION_FAILED" } as const;

export const runRouter = createTRPCRouter({
  list: orgProcedure("viewer")
    .input(listRunsSchema)
    .query(({ ctx, input: { limit, cursor, ...filters } }) => listRunsPage(ctx.db, ctx.org.id, { filters, cursor, limit })),
  get: orgProcedure("viewer")
    .input(getRunSchema)
    .query(({ ctx, input }) => getRun(ctx, input.runId)),
  /**
   * A new live run of the same event on the current published version, handed to the executor once committed;
   * `handedOff` is false when the executor could not take it yet (Inngest unreachable).
   */
  replay: orgProcedure("editor")
    .input(replayRunSchema)
    .mutation(async ({ ctx, input }) => {
      const outcome = await replayRun(ctx.db, { organizationId: ctx.org.id, runId: input.runId });
      if (!outcome.ok) throw new TRPCError({ code: replayErrorCodes[outcome.reason], message: outcome.message });
      // A failed hand-off keeps the run: it is queued, and the executor's sweep hands it over later.
      const handedOff = (await ctx.executor.dispatchRun?.(outcome.runId)) !== false;
      return { runId: outcome.runId, handedOff };
    }),
});
