import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { openDatabase, type DatabaseTarget } from "@/db/client";
import { callCompletedEventBody, seedApiOrganization } from "@/test-support/load/seed-api-organization";
import { startCountingReceiver } from "@/test-support/load/counting-receiver";
import { startProductionServer } from "@/test-support/load/production-server";
import { benchServerOptions, directorySize, postgresCpuMs, processCpuMs, wait } from "./bench-utils";

export type PipelineRow = {
  database: "postgres" | "pglite";
  concurrency: number;
  /** Requests per second autocannon was held to; null = as fast as the connections go. */
  rate: number | null;
  seconds: number;
  accepted: number;
  ingestRps: number;
  p50: number;
  p975: number;
  p99: number;
  errors: number;
  non2xx: number;
  runsPerSecond: number;
  drainSeconds: number;
  delivered: number;
  /** Deliveries whose webhook-id had arrived before (at-least-once retries); 0 when nothing timed out. */
  duplicates: number;
  bytesPerThousandRuns: number | null;
  /** PostgreSQL only: runs that failed (a webhook that never got through), with the first error. */
  failedRuns: number | null;
  firstFailure: string | null;
  /** CPU time per delivered run (ingest included) of the app server, and of PostgreSQL's processes. */
  serverCpuMsPerRun: number | null;
  postgresCpuMsPerRun: number | null;
  /** PostgreSQL only: transactions committed per delivered run, ingest included. */
  transactionsPerRun: number | null;
};

// Away from the e2e ports (3100+), so a benchmark can run beside a test run.
const PORT = Number(process.env.BENCH_PORT ?? 3900);

/** Committed transactions so far (each statement outside a transaction is one): a proxy for round trips. */
async function transactionCount(target: DatabaseTarget): Promise<number | null> {
  if (target.kind !== "postgres") return null;
  const sql = postgres(target.url, { max: 1 });
  // Statistics reach the view when a backend goes idle (up to a second late); give them time.
  await wait(1_500);
  const [row] = await sql<
    { count: string }[]
  >`select (xact_commit + xact_rollback)::text as count from pg_stat_database where datname = current_database()`;
  await sql.end();
  return Number(row!.count);
}

async function failedRuns(target: DatabaseTarget): Promise<{ count: number; first: string | null } | null> {
  if (target.kind !== "postgres") return null;
  const sql = postgres(target.url, { max: 1 });
  const [row] = await sql<
    { count: string; first: string | null }[]
  >`select count(*)::text as count, min(error) as first from workflow_runs where status = 'failed'`;
  await sql.end();
  return { count: Number(row!.count), first: row!.first };
}

async function databaseBytes(target: DatabaseTarget, dataDir?: string): Promise<number> {
  if (target.kind === "postgres") {
    const sql = postgres(target.url, { max: 1 });
    const [row] = await sql<{ size: string }[]>`select pg_database_size(current_database())::text as size`;
    await sql.end();
    return Number(row!.size);
  }
  return directorySize(dataDir!);
}

/** Ingest → run → webhook, driven over HTTP against the production build. */
export type LoadLevel = { connections: number; rate?: number };

export async function benchPipeline(options: {
  database: "postgres" | "pglite";
  levels: LoadLevel[];
  seconds: number;
  postgresUrl: string;
}): Promise<PipelineRow[]> {
  const encryptionKey = randomBytes(32);
  const receiver = await startCountingReceiver();
  let target: DatabaseTarget;
  let dropDatabase = async () => {};
  const dataDir = path.resolve(".data/bench");
  if (options.database === "postgres") {
    const name = `switchboard_bench_${Date.now().toString(36)}`;
    const admin = postgres(options.postgresUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(options.postgresUrl);
    url.pathname = `/${name}`;
    target = { kind: "postgres", url: url.toString() };
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    rmSync(dataDir, { recursive: true, force: true });
    target = { kind: "pglite", dataDir: path.join(dataDir, "pglite") };
  }

  const seeded = await openDatabase(target);
  const { apiKey } = await seedApiOrganization(seeded.db, encryptionKey, receiver.url);
  await seeded.close();

  const env: Record<string, string> = {
    ENCRYPTION_KEY: encryptionKey.toString("base64"),
    AUTH_SECRET: randomBytes(24).toString("base64"),
    ALLOW_PRIVATE_WEBHOOK_TARGETS: "true",
    APP_URL: `http://127.0.0.1:${PORT}`,
    ...(target.kind === "postgres" ? { DATABASE_URL: target.url } : { DATA_DIR: dataDir, DATABASE_URL: "" }),
  };
  const server = await startProductionServer(PORT, env, benchServerOptions());
  const rows: PipelineRow[] = [];
  let counter = 0;
  try {
    for (const { connections: concurrency, rate } of options.levels) {
      receiver.reset();
      const sizeBefore = await databaseBytes(target, dataDir).catch(() => null);
      const transactionsBefore = await transactionCount(target);
      const failedBefore = (await failedRuns(target))?.count ?? 0;
      const serverCpuBefore = processCpuMs(server.pid);
      const postgresCpuBefore = target.kind === "postgres" ? postgresCpuMs() : null;
      const result = await autocannon({
        url: `http://127.0.0.1:${PORT}/api/v1/events`,
        method: "POST",
        connections: concurrency,
        ...(rate ? { overallRate: rate } : {}),
        duration: options.seconds,
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        requests: [{ setupRequest: (request) => ({ ...request, body: callCompletedEventBody(`bench-${concurrency}-${++counter}`) }) }],
      });
      const loadEndedAt = performance.now();
      const accepted = result["2xx"];
      // Drain: wait for every accepted event's webhook (or give up after two minutes).
      const deadline = loadEndedAt + 120_000;
      while (receiver.state.count < accepted && performance.now() < deadline) await wait(100);
      const { count, firstAt, lastAt } = receiver.state;
      const serverCpuAfter = processCpuMs(server.pid);
      const postgresCpuAfter = target.kind === "postgres" ? postgresCpuMs() : null;
      const perRun = (before: number | null, after: number | null) =>
        before !== null && after !== null && count > 0 ? Math.round(((after - before) / count) * 100) / 100 : null;
      const sizeAfter = await databaseBytes(target, dataDir).catch(() => null);
      const transactionsAfter = await transactionCount(target);
      const failed = await failedRuns(target);
      rows.push({
        database: options.database,
        concurrency,
        rate: rate ?? null,
        seconds: options.seconds,
        accepted,
        ingestRps: Math.round(accepted / options.seconds),
        p50: result.latency.p50,
        p975: result.latency.p97_5,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        runsPerSecond: count > 1 ? Math.round((count - 1) / ((lastAt - firstAt) / 1000)) : 0,
        drainSeconds: Math.max(0, Math.round((lastAt - loadEndedAt) / 100) / 10),
        delivered: count,
        duplicates: receiver.state.duplicates,
        serverCpuMsPerRun: perRun(serverCpuBefore, serverCpuAfter),
        postgresCpuMsPerRun: perRun(postgresCpuBefore, postgresCpuAfter),
        failedRuns: failed === null ? null : failed.count - failedBefore,
        firstFailure: failed?.first ?? null,
        transactionsPerRun:
          transactionsBefore !== null && transactionsAfter !== null && count > 0
            ? Math.round(((transactionsAfter - transactionsBefore) / count) * 10) / 10
            : null,
        bytesPerThousandRuns:
          sizeBefore !== null && sizeAfter !== null && count > 0 ? Math.round(((sizeAfter - sizeBefore) / count) * 1000) : null,
      });
      await wait(1_000);
    }
  } finally {
    await server.stop();
    await receiver.close();
    await dropDatabase();
  }
  return rows;
}
