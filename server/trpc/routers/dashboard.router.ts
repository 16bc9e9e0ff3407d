import { loadDashboardSummary } from "@/server/dashboard/dashboard-summary";
import { createTRPCRouter } from "../init";
import { orgProcedure } from "../procedures";

export const dashboardRouter = createTRPCRouter({
  summary: orgProcedure("viewer").query(({ ctx }) => loadDashboardSummary(ctx.db, ctx.org)),
});
