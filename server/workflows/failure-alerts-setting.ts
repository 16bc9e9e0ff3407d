import { and, eq } from "drizzle-orm";
import { workflows } from "@/db/schema";
import type { OrgScope } from "@/server/organizations/org-scope";
import type { SetAlertsEnabledInput } from "@/server/trpc/routers/workflow.schemas";
import { findWorkflowInOrg } from "./find-workflow";

/** "Email me when this workflow fails": the failure alerter reads this flag before sending. */
export async function setAlertsEnabled(scope: OrgScope, input: SetAlertsEnabledInput) {
  await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  await scope.db
    .update(workflows)
    .set({ alertsEnabled: input.alertsEnabled })
    .where(and(eq(workflows.id, input.workflowId), eq(workflows.organizationId, scope.org.id)));
  return { alertsEnabled: input.alertsEnabled };
}
