import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { workflows } from "@/db/schema";
import type { OrgProcedureContext } from "../../procedures";
import type { setAlertsEnabledSchema } from "./alerts.schema";
import { findWorkflowInOrg } from "./find-workflow";

/** "Email me when this workflow fails": the failure alerter reads this flag before sending. */
export async function setAlertsEnabled({ ctx, input }: { ctx: OrgProcedureContext; input: z.infer<typeof setAlertsEnabledSchema> }) {
  await findWorkflowInOrg(ctx.db, ctx.org.id, input.workflowId);
  await ctx.db
    .update(workflows)
    .set({ alertsEnabled: input.alertsEnabled })
    .where(and(eq(workflows.id, input.workflowId), eq(workflows.organizationId, ctx.org.id)));
  return { alertsEnabled: input.alertsEnabled };
}
