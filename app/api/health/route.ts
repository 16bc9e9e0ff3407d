import { getAppConfig } from "@/server/config/app-config";
import { getDb } from "@/server/db";
import { getExecutor } from "@/server/execution/execution-runtime";
import { checkHealth } from "@/server/health/check-health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** For load balancers and operators: 200 while the database answers (status ok or degraded), 503 when it does not. */
export async function GET() {
  const executor = await getExecutor();
  const report = await checkHealth({
    db: await getDb(),
    executor: {
      kind: getAppConfig().inngest.enabled ? "inngest" : "embedded",
      lastSweepAt: executor.lastSweepAt?.bind(executor),
      heartbeat: executor.heartbeat?.bind(executor),
    },
  });
  return Response.json(report, { status: report.status === "down" ? 503 : 200, headers: { "cache-control": "no-store" } });
}
