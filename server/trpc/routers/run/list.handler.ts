import type { z } from "zod";
import { listRunsPage } from "@/server/runs/list-runs";
import type { OrgProcedureContext } from "../../procedures";
import type { listRunsSchema } from "./run.schemas";

export async function listRuns({ ctx, input }: { ctx: OrgProcedureContext; input: z.infer<typeof listRunsSchema> }) {
  const { limit, cursor, ...filters } = input;
  return listRunsPage(ctx.db, ctx.org.id, { filters, cursor, limit });
}
