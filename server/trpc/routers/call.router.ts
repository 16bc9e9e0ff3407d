import { TRPCError } from "@trpc/server";
import { getCall } from "@/server/calls/get-call";
import { listCalls } from "@/server/calls/list-calls";
import { createTRPCRouter } from "../init";
import { orgProcedure } from "../procedures";
import { getCallSchema, listCallsSchema } from "./call.schemas";

/** Calls to the organization's tracking numbers (and CallRail's): everyone in the organization reads them. */
export const callRouter = createTRPCRouter({
  list: orgProcedure("viewer")
    .input(listCallsSchema)
    .query(({ ctx, input }) =>
      listCalls(ctx.db, {
        organizationId: ctx.org.id,
        timezone: ctx.org.timezone,
        filters: input.filters,
        limit: input.limit,
        cursor: input.cursor,
      }),
    ),
  get: orgProcedure("viewer")
    .input(getCallSchema)
    .query(async ({ ctx, input }) => {
      const found = await getCall(ctx.db, ctx.org.id, input.callId);
      if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "That call was not found." });
      return found;
    }),
});
