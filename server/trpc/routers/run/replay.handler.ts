import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { replayRun } from "@/server/runs/replay-run";
import type { OrgProcedureContext } from "../../procedures";
import type { replayRunSchema } from "./run.schemas";

const errorCodes = { not_found: "NOT_FOUND", test_run: "BAD_REQUEST", not_published: "PRECONDITION_FAILED" } as const;

/** A new live run of the same event on the current published version, handed to the executor once committed. */
export async function replayRunHandler({ ctx, input }: { ctx: OrgProcedureContext; input: z.infer<typeof replayRunSchema> }) {
  const outcome = await replayRun(ctx.db, { organizationId: ctx.org.id, runId: input.runId });
  if (!outcome.ok) throw new TRPCError({ code: errorCodes[outcome.reason], message: outcome.message });
  await ctx.executor.dispatchRun?.(outcome.runId);
  return { runId: outcome.runId };
}
