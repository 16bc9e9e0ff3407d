import { DatabaseInUseError } from "@/db/pglite-lock";
import { signInStartupNotice } from "./auth/sign-in-notice";
import { getAppConfig } from "./config/app-config";
import { getDatabaseHandle } from "./db";
import { getExecutor } from "./execution/execution-runtime";
import { startRunRetentionTimer } from "./runs/run-retention-timer";

/** Start-up work: open the database and apply pending migrations before the first request. */
export async function startServer() {
  const config = getAppConfig();
  if (config.isProductionBuild) return;
  const { target, db } = await getDatabaseHandle().catch((error: unknown) => {
    // Serving without a database would answer every request with a bare 500: stop, so a supervisor sees it.
    if (error instanceof DatabaseInUseError) {
      console.error(`[switchboard] ${error.message}`);
      process.exit(1);
    }
    throw error;
  });
  const where =
    target.kind === "postgres"
      ? "PostgreSQL (DATABASE_URL)"
      : target.kind === "pglite"
        ? `embedded PGlite in ${target.dataDir}`
        : "in-memory PGlite";
  console.info(`[switchboard] database ready: ${where}; migrations applied`);
  const executor = await getExecutor();
  executor.start();
  console.info(`[switchboard] workflows run ${config.inngest.enabled ? "on Inngest" : "in-process (embedded executor)"}`);
  // With Inngest, its cron function deletes old runs instead.
  if (!config.inngest.enabled) startRunRetentionTimer(db, { retentionDays: config.runRetentionDays });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      // Finish in-flight steps; anything unfinished is picked up by the next start's sweep.
      void executor.stop().finally(() => process.exit(0));
    });
  }
  const signInNotice = signInStartupNotice(config);
  if (signInNotice) console[signInNotice.level](signInNotice.message);
}
