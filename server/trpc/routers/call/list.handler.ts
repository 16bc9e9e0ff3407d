import type { z } from "zod";
import { listCalls as listCallsOfOrg } from "@/server/calls/list-calls";
import type { OrgProcedureContext } from "../../procedures";
import type { listCallsSchema } from "./call.schemas";

export function listCalls({ ctx, input }: { ctx: OrgProcedureContext; input: z.output<typeof listCallsSchema> }) {
  return listCallsOfOrg(ctx.db, {
    organizationId: ctx.org.id,
    timezone: ctx.org.timezone,
    filters: input.filters,
    limit: input.limit,
    cursor: input.cursor,
  });
}
