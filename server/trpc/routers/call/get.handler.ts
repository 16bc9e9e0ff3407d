import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { getCall as getCallOfOrg } from "@/server/calls/get-call";
import type { OrgProcedureContext } from "../../procedures";
import type { getCallSchema } from "./call.schemas";

export async function getCall({ ctx, input }: { ctx: OrgProcedureContext; input: z.output<typeof getCallSchema> }) {
  const found = await getCallOfOrg(ctx.db, ctx.org.id, input.callId);
  if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "That call was not found." });
  return found;
}
