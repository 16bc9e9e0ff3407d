import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import type { WorkflowGraph } from "@/engine";
import { startCountingReceiver, type CountingReceiver } from "@/test-support/load/counting-receiver";
import { startProductionServer, type ProductionServer } from "@/test-support/load/production-server";
import { runOutcomes, runsByEvent } from "@/test-support/load/run-outcomes";
import { createScratchDatabase, postgresServerBinaries, startThrowawayCluster } from "@/test-support/load/scratch-postgres";
import { seedApiOrganization, webhookWorkflowGraph } from "@/test-support/load/seed-api-organization";
import { sendEvents } from "@/test-support/load/send-events";

// Crash, scale-out and outage tests against the production build (`next build` first) on
// PostgreSQL, driven from outside over HTTP as a client and a load balancer would. They start
// PostgreSQL clusters of their own from the server binaries, so no database server need be running.
const e2ePort = Number(process.env.E2E_PORT ?? 3100);
const firstPort = e2ePort + 30;
const clusterPort = 5544 + (e2ePort - 3100);
let postgresServer = "";
// The bar: after a kill -9, every accepted event's runs have finished within this long of the restart.
const recoveryBudgetMs = 30_000;

test.describe.configure({ mode: "serial", timeout: 300_000 });
test.skip(
  !postgresServerBinaries() && !process.env.CI,
  "The PostgreSQL server binaries are not installed (apt-get install postgresql): the reliability tests need them",
);

let cluster: ReturnType<typeof startThrowawayCluster> | undefined;
test.beforeAll(() => {
  cluster = startThrowawayCluster(clusterPort);
  postgresServer = cluster.url;
});
test.afterAll(() => cluster?.destroy());

type Deployment = {
  databaseUrl: string;
  organizationId: string;
  apiKey: string;
  receiver: CountingReceiver;
  env: (port: number) => Record<string, string>;
};

async function deploy(databaseUrl: string, graphs: (webhookUrl: string) => WorkflowGraph[], receiverDelayMs = 0): Promise<Deployment> {
  const receiver = await startCountingReceiver({ delayMs: receiverDelayMs });
  const encryptionKey = randomBytes(32);
  const seeded = await openDatabase({ kind: "postgres", url: databaseUrl, maxConnections: 2 });
  const { apiKey, organization } = await seedApiOrganization(seeded.db, encryptionKey, receiver.url, graphs(receiver.url));
  await seeded.close();
  const authSecret = randomBytes(24).toString("base64");
  return {
    databaseUrl,
    organizationId: organization.id,
    apiKey,
    receiver,
    env: (port) => ({
      DATABASE_URL: databaseUrl,
      ENCRYPTION_KEY: encryptionKey.toString("base64"),
      AUTH_SECRET: authSecret,
      APP_URL: `http://127.0.0.1:${port}`,
      ALLOW_PRIVATE_WEBHOOK_TARGETS: "true",
    }),
  };
}

const start = (deployment: Deployment, port: number) => startProductionServer(port, deployment.env(port), { readyPath: "/api/health" });
const origin = (server: ProductionServer) => `http://127.0.0.1:${server.port}`;
const idsOf = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}-${index}`);

/** Polls until every run of the organization has finished (or fails the test after `timeoutMs`, saying what is left); when that was. */
async function waitForAllRunsFinished(
  deployment: Deployment,
  expectedRuns: number,
  timeoutMs: number,
  servers: ProductionServer[] = [],
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let summary = "";
  while (Date.now() < deadline) {
    const outcomes = (await runOutcomes(deployment.databaseUrl, deployment.organizationId)).filter((outcome) => outcome.runId);
    if (outcomes.length >= expectedRuns && outcomes.every((outcome) => outcome.status === "succeeded")) return Date.now();
    const counts = new Map<string, number>();
    for (const outcome of outcomes) counts.set(outcome.status!, (counts.get(outcome.status!) ?? 0) + 1);
    summary = JSON.stringify(Object.fromEntries(counts));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const logs = servers.map((server) => `--- server on ${server.port} ---\n${server.output().slice(-4_000)}`).join("\n");
  throw new Error(`Not every run finished within ${timeoutMs} ms: ${summary} of ${expectedRuns} expected\n${logs}`);
}

/**
 * Every accepted event ran exactly once per workflow and succeeded; the receiver got each run's
 * webhook at least once, and a webhook-id it got more than once (a delivery in flight at a crash)
 * is on the run's record as more than one attempt, the interrupted one included.
 */
async function expectEachEventRanOnce(deployment: Deployment, accepted: string[], workflows: number) {
  const byEvent = runsByEvent(await runOutcomes(deployment.databaseUrl, deployment.organizationId));
  const missing = accepted.filter((id) => (byEvent.get(id)?.length ?? 0) !== workflows);
  expect(missing, "accepted events without exactly one run per workflow").toEqual([]);
  const runs = [...byEvent.values()].flat();
  expect(runs.filter((run) => run.status !== "succeeded")).toEqual([]);
  const repeated: string[] = [];
  for (const run of runs) {
    const delivered = deployment.receiver.deliveriesById.get(`msg_${run.runId}_hook`) ?? 0;
    expect(delivered, `deliveries of run ${run.runId}`).toBeGreaterThanOrEqual(1);
    if (delivered > 1) {
      repeated.push(run.runId!);
      expect(run.hookAttempts.length, `attempts on the record of run ${run.runId}`).toBeGreaterThanOrEqual(delivered);
      expect(run.hookAttempts.some((attempt) => attempt.outcome === "interrupted")).toBe(true);
    }
  }
  return { runs: runs.length, repeatedDeliveries: repeated.length };
}

/** Moves parked runs' wake time to now, as if their delay had passed. */
async function endDelays(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  // The delay step keeps its own wake time (a resumed run sleeps until then), so move both.
  await sql`update run_steps set wake_at = now() where status = 'sleeping'`;
  const woken = await sql`update workflow_runs set wake_at = now() where status = 'waiting' returning id`;
  await sql.end();
  return woken.length;
}

async function runningExecutors(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const rows = await sql<{ id: string }[]>`select id from executors where heartbeat_at > now() - interval '10 seconds'`;
  await sql.end();
  return rows.length;
}

test("kill -9 under a 1,000-event load and an immediate restart: every accepted event's runs finish within 30 s, none twice", async () => {
  const database = await createScratchDatabase(postgresServer, "switchboard_crash");
  // Deliveries take a moment, so some are in flight at the kill.
  const deployment = await deploy(database.url, (url) => [webhookWorkflowGraph(url)], 20);
  let server = await start(deployment, firstPort);
  try {
    let crash: Promise<void> | undefined;
    const load = sendEvents({
      ids: idsOf("crash", 1_000),
      apiKey: deployment.apiKey,
      baseUrl: () => origin(server),
      concurrency: 16,
      onAnswer: () => {
        if (!crash && load.accepted().length >= 600) {
          crash = server.crash();
          load.stop();
        }
      },
    });
    const before = await load.done;
    await crash;

    const restartedAt = Date.now();
    server = await start(deployment, firstPort);
    // The client sends again what it got no answer for (same ids).
    const retried = await sendEvents({
      ids: idsOf("crash", 1_000).filter((id) => !load.accepted().includes(id)),
      apiKey: deployment.apiKey,
      baseUrl: () => origin(server),
      concurrency: 16,
    }).done;
    expect(retried.filter((answer) => answer.status !== 202)).toEqual([]);
    const finishedAt = await waitForAllRunsFinished(deployment, 1_000, 90_000, [server]);
    const recoveryMs = finishedAt - restartedAt;
    const { repeatedDeliveries } = await expectEachEventRanOnce(deployment, idsOf("crash", 1_000), 1);
    test.info().annotations.push({
      type: "measured",
      description: `accepted before the kill: ${before.filter((a) => a.status === 202).length}; restart → all 1,000 runs finished: ${recoveryMs} ms; deliveries repeated (in flight at the kill): ${repeatedDeliveries}`,
    });
    console.log(test.info().annotations.at(-1)!.description);
    expect(recoveryMs).toBeLessThanOrEqual(recoveryBudgetMs);
  } finally {
    await server.crash();
    await deployment.receiver.close();
    await database.drop();
  }
});

test.describe("two app servers on one PostgreSQL", () => {
  const graphs = (url: string) => [webhookWorkflowGraph(url), webhookWorkflowGraph(url, { waitMinutes: 1 })];

  test("events go to both; every event runs once per workflow, and a delay parked by one wakes on either", async () => {
    const database = await createScratchDatabase(postgresServer, "switchboard_pair");
    const deployment = await deploy(database.url, graphs);
    const servers = await Promise.all([start(deployment, firstPort + 1), start(deployment, firstPort + 2)]);
    try {
      expect(await runningExecutors(database.url)).toBe(2);
      const ids = idsOf("pair", 400);
      const answers = await sendEvents({
        ids,
        apiKey: deployment.apiKey,
        baseUrl: (id) => origin(servers[Number(id.split("-")[1]) % 2]!),
        concurrency: 8,
      }).done;
      expect(answers.filter((answer) => answer.status !== 202)).toEqual([]);
      await expect
        .poll(async () => (await runOutcomes(database.url, deployment.organizationId)).filter((run) => run.status === "waiting").length, {
          timeout: 60_000,
        })
        .toBe(400);
      expect(await endDelays(database.url)).toBe(400);
      await waitForAllRunsFinished(deployment, 800, 60_000, servers);
      const { repeatedDeliveries } = await expectEachEventRanOnce(deployment, ids, 2);
      expect(repeatedDeliveries).toBe(0);
    } finally {
      await Promise.all(servers.map((server) => server.crash()));
      await deployment.receiver.close();
      await database.drop();
    }
  });

  test("kill -9 of one under load: the other finishes its runs, wakes its parked delays, and runs nothing twice", async () => {
    const database = await createScratchDatabase(postgresServer, "switchboard_pair_kill");
    const deployment = await deploy(database.url, graphs, 20);
    const [doomed, survivor] = await Promise.all([start(deployment, firstPort + 3), start(deployment, firstPort + 4)]);
    try {
      const ids = idsOf("pair-kill", 600);
      let killedAt = 0;
      const load = sendEvents({
        ids,
        apiKey: deployment.apiKey,
        // A load balancer: both while both answer, then only the survivor.
        baseUrl: (id) => origin(killedAt === 0 && Number(id.split("-")[2]) % 2 === 0 ? doomed : survivor),
        concurrency: 8,
        onAnswer: () => {
          if (killedAt === 0 && load.accepted().length >= 300) {
            killedAt = Date.now();
            void doomed.crash();
          }
        },
      });
      await load.done;
      const retried = await sendEvents({
        ids: ids.filter((id) => !load.accepted().includes(id)),
        apiKey: deployment.apiKey,
        baseUrl: () => origin(survivor),
        concurrency: 8,
      }).done;
      expect(retried.filter((answer) => answer.status !== 202)).toEqual([]);

      // The immediate workflow's runs all finish, those the dead server held included.
      await expect
        .poll(
          async () => {
            const outcomes = await runOutcomes(database.url, deployment.organizationId);
            return outcomes.filter((run) => run.status === "succeeded").length + outcomes.filter((run) => run.status === "waiting").length;
          },
          { timeout: recoveryBudgetMs + 30_000 },
        )
        .toBe(1_200);
      const takeoverMs = Date.now() - killedAt;
      expect(await endDelays(database.url)).toBe(600);
      await waitForAllRunsFinished(deployment, 1_200, 60_000, [survivor]);
      const { repeatedDeliveries } = await expectEachEventRanOnce(deployment, ids, 2);
      test.info().annotations.push({
        type: "measured",
        description: `kill → every run finished or parked on the survivor: ≤ ${takeoverMs} ms; deliveries repeated: ${repeatedDeliveries}`,
      });
      console.log(test.info().annotations.at(-1)!.description);
      expect(await runningExecutors(database.url)).toBe(1);
    } finally {
      await Promise.all([doomed.crash(), survivor.crash()]);
      await deployment.receiver.close();
      await database.drop();
    }
  });
});

test("PostgreSQL away for 30 s under steady load: 503 with Retry-After meanwhile, nothing accepted is lost, no restart needed", async () => {
  // A cluster of its own, to stop and start.
  const outage = startThrowawayCluster(clusterPort + 1);
  // Answers take half a second, so some runs are mid-webhook when the database goes.
  const deployment = await deploy(outage.url, (url) => [webhookWorkflowGraph(url)], 500);
  const server = await start(deployment, firstPort + 5);
  try {
    const ids = idsOf("outage", 5_000);
    const load = sendEvents({ ids, apiKey: deployment.apiKey, baseUrl: () => origin(server), concurrency: 4, pauseMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    outage.stop();
    const outageStartedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const health = await fetch(`${origin(server)}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ database: { reachable: false } });
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() - outageStartedAt)));
    outage.start();
    const restoredAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    load.stop();
    const answers = await load.done;

    const during = answers.filter((answer) => answer.status !== 202);
    expect(during.length, "the outage was felt").toBeGreaterThan(0);
    expect(during.filter((answer) => answer.status !== 503 || answer.retryAfter === null)).toEqual([]);
    // The client sends the refused events again, as Retry-After asks.
    const retried = await sendEvents({
      ids: during.map((answer) => answer.id),
      apiKey: deployment.apiKey,
      baseUrl: () => origin(server),
      concurrency: 4,
    }).done;
    expect(retried.filter((answer) => answer.status !== 202)).toEqual([]);

    const sent = answers.map((answer) => answer.id);
    const finishedAt = await waitForAllRunsFinished(deployment, sent.length, 90_000, [server]);
    await expectEachEventRanOnce(deployment, sent, 1);
    test.info().annotations.push({
      type: "measured",
      description: `events sent: ${sent.length}, refused with 503 during the outage: ${during.length}; database back → all runs finished: ${finishedAt - restoredAt} ms`,
    });
    console.log(test.info().annotations.at(-1)!.description);
    // The same process, never restarted, answers healthy again.
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${origin(server)}/api/health`)).status).toBe(200);
  } finally {
    await server.crash();
    await deployment.receiver.close();
    outage.destroy();
  }
});
