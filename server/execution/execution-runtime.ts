import { getAppConfig } from "../config/app-config";
import { getDb } from "../db";
import { createEmailSender } from "../email/email-sender";
import { createExecutionProviders } from "./create-providers";
import { createFailureAlerter } from "./failure-alert";
import { createEmbeddedExecutor } from "./embedded/embedded-executor";
import type { ExecutionDeps } from "./execute-run";
import type { Executor } from "./executor";
import { createInngestExecutor } from "./inngest/inngest-executor";

type Runtime = { deps: ExecutionDeps; executor: Executor & { start(): void; stop(): Promise<void> } };

// One executor per server process (kept across dev reloads, like the database).
const holder = globalThis as unknown as { __switchboardExecution?: Promise<Runtime> };

async function createRuntime(): Promise<Runtime> {
  const config = getAppConfig();
  const db = await getDb();
  const deps: ExecutionDeps = {
    db,
    providers: createExecutionProviders(config, db),
    encryptionKey: config.encryptionKey,
    onRunFailed: createFailureAlerter(db, createEmailSender(config.email, db), config.appUrl),
  };
  const executor = config.inngest.enabled
    ? createInngestExecutor(db)
    : createEmbeddedExecutor(
        deps,
        config.database.kind === "postgres"
          ? { concurrency: 64, writesInFlight: 2, governor: { min: 2, targetLagMs: 20 } }
          : { concurrency: 4, writesInFlight: 1 },
      );
  return { deps, executor };
}

export function getExecutionRuntime(): Promise<Runtime> {
  holder.__switchboardExecution ??= createRuntime();
  return holder.__switchboardExecution;
}

export async function getExecutionDeps() {
  return (await getExecutionRuntime()).deps;
}

export async function getExecutor() {
  return (await getExecutionRuntime()).executor;
}
