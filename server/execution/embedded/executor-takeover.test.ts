import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { executors, outboxMessages, workflowRuns } from "@/db/schema";
import { sampleEventWith } from "@/engine";
import { edge, graphOf, node, trigger } from "@/engine/test-support/graph-builder";
import { recordEvents } from "@/server/events/record-events";
import { setupTestDatabase } from "@/test-support/test-database";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { createLiveWorkflow } from "@/test-support/workflows";
import { createExecutionProviders } from "../create-providers";
import { executorHeartbeatTtlMs } from "../run-transitions";
import { createEmbeddedExecutor } from "./embedded-executor";
import { createExecutorHeartbeat } from "./executor-heartbeat";

const handle = setupTestDatabase();
const config = testConfig({ allowPrivateWebhookTargets: true });
const noWait = async () => {};

function clock(start = new Date("2026-11-22T15:00:00Z")) {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (ms: number) => (current += ms) };
}

/**
 * An organization whose workflow texts every missed caller, and `count` missed calls committed.
 * `hang` makes the first process's texts never return, as if it died while sending them.
 */
async function missedCalls(count: number, name: string) {
  const { user, organization } = await createUserWithOrg(handle.db, config, name);
  const real = createExecutionProviders(config, handle.db);
  const state = { hang: true };
  const providers = {
    ...real,
    sendSms: (request: Parameters<typeof real.sendSms>[0]) => (state.hang ? new Promise<never>(() => {}) : real.sendSms(request)),
  };
  const graph = graphOf([trigger("t", "call.missed"), node("sms", "action.send_sms", { body: "Sorry we missed you" })], [edge("t", "sms")]);
  await createLiveWorkflow(handle.db, organization.id, graph, name, user.id);
  const recorded = await recordEvents(
    handle.db,
    Array.from({ length: count }, (_, index) => ({
      organization,
      source: "api" as const,
      idempotencyKey: `${name}-${index}`,
      event: sampleEventWith("call.missed", (event) => {
        event.caller.phone_number = `+1415555${String(1000 + index).padStart(4, "0")}`;
      }),
    })),
  );
  return {
    organization,
    deps: { db: handle.db, providers, encryptionKey: config.encryptionKey },
    state,
    eventIds: recorded.map((r) => r.eventId),
  };
}

async function runsOf(organizationId: string) {
  return handle.db.select().from(workflowRuns).where(eq(workflowRuns.organizationId, organizationId));
}

async function textsTo(organizationId: string) {
  const rows = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, organizationId));
  return rows.filter((row) => row.channel === "sms").map((row) => row.to);
}

describe("taking over the runs of an executor that stopped", () => {
  it("leaves a live executor's runs alone, and takes them all — running and only queued — once its heartbeat is older than the TTL", async () => {
    const time = clock();
    const { organization, deps, state, eventIds } = await missedCalls(5, "Takeover");
    // One run at a time: the first hangs mid-send, the other four wait in the first process's queue.
    const first = createEmbeddedExecutor({ ...deps, now: time.now }, { wait: noWait, concurrency: 1 });
    for (const eventId of eventIds) await first.dispatchEvent(eventId);
    await expect.poll(async () => (await runsOf(organization.id)).length).toBe(5);
    const held = await runsOf(organization.id);
    expect(held.every((run) => run.status === "running" && run.lockedBy === first.executorId)).toBe(true);
    expect(held.every((run) => run.lockedUntil === null)).toBe(true);

    // The first process dies here (no more heartbeats). Within the TTL, a second process leaves its runs alone.
    state.hang = false;
    const second = createEmbeddedExecutor({ ...deps, now: time.now }, { wait: noWait });
    await second.sweep();
    time.advance(executorHeartbeatTtlMs - 1_000);
    await second.sweep();
    await second.idle();
    expect((await runsOf(organization.id)).every((run) => run.lockedBy === first.executorId)).toBe(true);

    // Past the TTL, the second process takes over every one of them, and each caller gets one text.
    time.advance(2_000);
    await second.sweep();
    await second.idle();
    const finished = await runsOf(organization.id);
    expect(finished.map((run) => run.status)).toEqual(Array(5).fill("succeeded"));
    expect(finished.every((run) => run.lockedBy === null)).toBe(true);
    expect((await textsTo(organization.id)).sort()).toEqual(
      ["+14155551000", "+14155551001", "+14155551002", "+14155551003", "+14155551004"].sort(),
    );
  });

  it("does not take the runs of an executor that keeps beating, however long they take", async () => {
    const time = clock();
    const { organization, deps, eventIds } = await missedCalls(2, "Alive");
    const first = createEmbeddedExecutor({ ...deps, now: time.now }, { wait: noWait, concurrency: 1 });
    for (const eventId of eventIds) await first.dispatchEvent(eventId);
    await expect.poll(async () => (await runsOf(organization.id)).length).toBe(2);

    const second = createEmbeddedExecutor({ ...deps, now: time.now }, { wait: noWait });
    for (let beat = 0; beat < 10; beat += 1) {
      time.advance(executorHeartbeatTtlMs / 2);
      await handle.db.update(executors).set({ heartbeatAt: time.now() }).where(eq(executors.id, first.executorId));
      await second.sweep();
    }
    await second.idle();
    expect((await runsOf(organization.id)).every((run) => run.status === "running" && run.lockedBy === first.executorId)).toBe(true);
    expect(await textsTo(organization.id)).toEqual([]);
  });

  it("after a database outage, calls nobody dead until the others have had a TTL to beat again", async () => {
    const time = clock();
    const { organization, deps, eventIds } = await missedCalls(1, "Outage");
    const first = createEmbeddedExecutor({ ...deps, now: time.now }, { wait: noWait });
    await first.dispatchEvent(eventIds[0]!);
    await expect.poll(async () => (await runsOf(organization.id)).length).toBe(1);
    const second = createEmbeddedExecutor({ ...deps, now: time.now }, { wait: noWait });
    await second.sweep();

    // 30 s without the database: nobody beats. The second process is back first and sweeps.
    time.advance(30_000);
    await second.sweep();
    expect((await runsOf(organization.id))[0]!.lockedBy).toBe(first.executorId);
    // The first process beats again within the TTL: its run stays its own.
    time.advance(2_000);
    await handle.db.update(executors).set({ heartbeatAt: time.now() }).where(eq(executors.id, first.executorId));
    time.advance(executorHeartbeatTtlMs - 1_000);
    await second.sweep();
    await second.idle();
    expect((await runsOf(organization.id))[0]!.lockedBy).toBe(first.executorId);
  });

  it("comes back for a crashed predecessor's runs the moment its heartbeat expires, without waiting for the next sweep", async () => {
    const { organization, deps, state, eventIds } = await missedCalls(2, "Restart");
    const first = createEmbeddedExecutor(deps, { wait: noWait, concurrency: 1 });
    for (const eventId of eventIds) await first.dispatchEvent(eventId);
    await expect.poll(async () => (await runsOf(organization.id)).length).toBe(2);
    // A restart half a second after the crash (a TTL of 2 s here): the old heartbeat is still fresh.
    await handle.db
      .update(executors)
      .set({ heartbeatAt: new Date(Date.now() - 500) })
      .where(eq(executors.id, first.executorId));
    state.hang = false;
    const second = createEmbeddedExecutor(deps, { wait: noWait, sweepIntervalMs: 60 * 60_000, heartbeatMs: 500, heartbeatTtlMs: 2_000 });
    second.start();
    try {
      await expect
        .poll(async () => (await runsOf(organization.id)).map((run) => run.status), { timeout: 8_000 })
        .toEqual(["succeeded", "succeeded"]);
    } finally {
      await second.stop();
    }
  });

  it("hands a cleanly stopped executor's unfinished runs over at once, even to a process that has only just started", async () => {
    const time = clock();
    const { organization, deps, eventIds } = await missedCalls(1, "Retire");
    const first = createEmbeddedExecutor({ ...deps, now: time.now }, { wait: noWait });
    await first.dispatchEvent(eventIds[0]!);
    await expect.poll(async () => (await runsOf(organization.id)).length).toBe(1);
    // What stop() does once its queue is idle; here the queue never empties (the text hangs).
    await createExecutorHeartbeat(handle.db, { now: time.now, id: first.executorId }).retire();

    const [run] = await runsOf(organization.id);
    const second = createEmbeddedExecutor({ ...deps, now: time.now }, { wait: noWait });
    await second.sweep();
    await expect
      .poll(async () => (await handle.db.select().from(workflowRuns).where(eq(workflowRuns.id, run!.id)))[0]!.lockedBy)
      .toBe(second.executorId);
  });
});
