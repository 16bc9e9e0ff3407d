import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { outboxMessages, runSteps, type StepAttempt } from "@/db/schema";
import type { WorkflowGraph } from "@/engine";
import { edge, graphOf, node, trigger } from "@/engine/test-support/graph-builder";
import { recordEvent } from "@/server/events/record-events";
import { missedCall } from "@/test-support/call-events";
import { startWebhookReceiver, type WebhookReceiver } from "@/test-support/stand-ins/webhook-receiver";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createLiveWorkflow } from "@/test-support/workflows";
import { createExecutionProviders } from "../create-providers";
import { executeRun } from "../execute-run";
import type { ExecutionProviders } from "../execution-providers";
import { fanOutEvent } from "../fan-out-event";
import { loadRun, type LoadedRun } from "../load-run";
import { interruptedAttemptMessage } from "../step-attempts";
import { createRunJournal, type RetryPolicy } from "./run-journal";
import { RunSuspended } from "./run-suspended";
import { createStepWriter, type StepWriter } from "./step-writer";

const handle = setupTestDatabase();
const config = testConfig({ allowPrivateWebhookTargets: true });
const retry: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 };

type Written = Parameters<StepWriter["write"]>[0];

/** A journal over a fresh run whose writes are only collected, to see what goes out when. */
function journalFor(nodeKinds: Record<string, string>) {
  const log: string[] = [];
  const writer: StepWriter = {
    write: async (write: Written) =>
      void log.push(
        write.rows
          .map((row) => `${row.nodeId}:${row.status}${row.memo ? "+memo" : ""}#${row.attempt}[${row.attempts.map((a) => a.outcome)}]`)
          .join(" "),
      ),
  };
  const journal = createRunJournal({
    db: {} as Database, // a fresh run never reads its steps back
    writer,
    runId: "run_1",
    nodeKinds: new Map(Object.entries(nodeKinds)),
    fresh: true,
    now: () => new Date("2026-11-22T15:00:00Z"),
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    wait: async (ms) => void log.push(`wait ${ms} ms`),
  });
  return { journal, log };
}

function clock(start = "2026-11-22T15:00:00.000Z") {
  let current = Date.parse(start);
  return { now: () => new Date(current), advance: (ms: number) => (current += ms) };
}

let keyCounter = 0;

/** A live run of `graph` on a missed call, created the way fan-out creates it. */
async function liveRun(graph: WorkflowGraph, caller: string) {
  const { organization, user } = await createUserWithOrg(handle.db, config, "Journal");
  await createLiveWorkflow(handle.db, organization.id, graph, "Journal", user.id);
  const { eventId } = await recordEvent(handle.db, {
    organization,
    source: "api",
    idempotencyKey: `journal-${++keyCounter}`,
    event: missedCall({ caller }),
  });
  const [runId] = await fanOutEvent(handle.db, eventId);
  return { organization, loaded: (await loadRun(handle.db, runId!))! };
}

/** Walks the run with a journal of its own, as one embedded executor process would. */
function walk(
  loaded: LoadedRun,
  options: { providers?: ExecutionProviders; now: () => Date; wait: (ms: number) => Promise<void>; fresh?: boolean },
) {
  const journal = createRunJournal({
    db: handle.db,
    writer: createStepWriter(handle.db),
    runId: loaded.run.id,
    nodeKinds: new Map(loaded.graph.nodes.map((graphNode) => [graphNode.id, graphNode.kind])),
    fresh: options.fresh ?? false,
    now: options.now,
    retry,
    wait: options.wait,
  });
  const deps = {
    db: handle.db,
    providers: options.providers ?? createExecutionProviders(config, handle.db),
    encryptionKey: config.encryptionKey,
  };
  return executeRun({ ...deps, now: options.now }, loaded, journal.step, {
    recorder: journal.recorder,
    isControlFlowError: (error) => error instanceof RunSuspended,
  });
}

async function stepRow(runId: string, nodeId: string) {
  const [row] = await handle.db
    .select()
    .from(runSteps)
    .where(and(eq(runSteps.runId, runId), eq(runSteps.nodeId, nodeId)));
  return row;
}

const statusesOf = (attempt: StepAttempt) => attempt.deliveries?.map((delivery) => delivery.response?.status ?? delivery.error?.kind);

let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe("run journal", () => {
  it("writes each action's attempt in flight before it runs, with what was staged before; conditions force no write", async () => {
    const { journal, log } = journalFor({ check: "condition.call_duration", hook: "action.webhook", sms: "action.send_sms" });
    await journal.step.run("check", async () => ({ passed: true }));
    expect(log).toEqual([]);

    await journal.step.run("hook", async () => ({ deliveries: [] }));
    expect(log).toEqual(["check:succeeded+memo#1[] hook:running#1[in_flight]"]);

    await journal.step.run("sms", async () => ({ status: "sent", to: "+14155550123", from: "+14155550100" }));
    expect(log.at(-1)).toBe("hook:succeeded+memo#1[succeeded] sms:running#1[in_flight]");

    await journal.recorder.finishRun({ status: "succeeded", error: null, finishedAt: new Date("2026-11-22T15:00:01Z") });
    expect(log.at(-1)).toBe("sms:succeeded+memo#1[succeeded]");
  });

  it("writes a failed attempt that will be retried before waiting, then the next attempt before running it", async () => {
    const { journal, log } = journalFor({ hook: "action.webhook" });
    let calls = 0;
    const result = await journal.step.run("hook", async () => {
      calls += 1;
      if (calls < 3) throw new Error("503 from the receiver");
      return { delivered: true };
    });
    expect(result).toEqual({ delivered: true });
    expect(log).toEqual([
      "hook:running#1[in_flight]",
      "hook:running#1[failed]",
      "wait 1 ms",
      "hook:running#2[failed,in_flight]",
      "hook:running#2[failed,failed]",
      "wait 1 ms",
      "hook:running#3[failed,failed,in_flight]",
    ]);
  });

  it("keeps every attempt of a webhook answered 500, 500, then 200, each failure with when the next one was due", async () => {
    receiver = await startWebhookReceiver({ failFirst: 2, failStatus: 500 });
    const graph = graphOf(
      [trigger("t", "call.missed"), node("hook", "action.webhook", { urls: [`${receiver.url}/crm`], headers: [] })],
      [edge("t", "hook")],
    );
    const { loaded } = await liveRun(graph, "+14155550301");
    const time = clock();
    const seenWhileWaiting: { status: string; last: StepAttempt | undefined }[] = [];
    await walk(loaded, {
      now: time.now,
      async wait(ms) {
        const row = await stepRow(loaded.run.id, "hook");
        seenWhileWaiting.push({ status: row!.status, last: row!.attempts.at(-1) });
        time.advance(ms);
      },
    });

    const hook = (await stepRow(loaded.run.id, "hook"))!;
    expect(hook).toMatchObject({ status: "succeeded", attempt: 3 });
    expect(hook.attempts.map((attempt) => [attempt.attempt, attempt.outcome, statusesOf(attempt)])).toEqual([
      [1, "failed", [500]],
      [2, "failed", [500]],
      [3, "succeeded", [200]],
    ]);
    expect(hook.attempts.map((attempt) => [attempt.startedAt, attempt.willRetry ?? null, attempt.retryAt ?? null])).toEqual([
      ["2026-11-22T15:00:00.000Z", true, "2026-11-22T15:00:01.000Z"],
      ["2026-11-22T15:00:01.000Z", true, "2026-11-22T15:00:05.000Z"],
      ["2026-11-22T15:00:05.000Z", null, null],
    ]);
    expect(hook.attempts[0]!.error).toMatchObject({ name: "TransientWebhookError", message: `${receiver.url}/crm answered 500` });
    expect(hook.attempts[0]!.deliveries![0]!.response!.body).toBe("failing on purpose");
    expect(hook.attempts[2]!.deliveries![0]!.response!.body).toBe("ok");
    // Each failure was on the record, with its retry time, while the run waited for the next attempt.
    expect(seenWhileWaiting.map(({ status, last }) => [status, last?.attempt, last?.outcome, last?.retryAt])).toEqual([
      ["running", 1, "failed", "2026-11-22T15:00:01.000Z"],
      ["running", 2, "failed", "2026-11-22T15:00:05.000Z"],
    ]);
    expect(new Set(receiver.requests.map((request) => request.headers["webhook-id"])).size).toBe(1);

    // Walked again (a redelivered run): the finished step is read back, not sent again.
    await walk(loaded, { now: time.now, wait: async () => {} });
    expect(receiver.requests).toHaveLength(3);
    expect((await stepRow(loaded.run.id, "hook"))!.attempts).toEqual(hook.attempts);
  });

  it("marks an attempt a crash left in flight as interrupted, and numbers the next one 2, without repeating finished steps", async () => {
    receiver = await startWebhookReceiver();
    const graph = graphOf(
      [
        trigger("t", "call.missed"),
        node("sms", "action.send_sms", { body: "Sorry we missed you" }),
        node("hook", "action.webhook", { urls: [`${receiver.url}/crm`], headers: [] }),
      ],
      [edge("t", "sms"), edge("sms", "hook")],
    );
    const { organization, loaded } = await liveRun(graph, "+14155550302");
    const real = createExecutionProviders(config, handle.db);
    const time = clock();
    // The first process delivers the webhook, then dies before it hears back: the call never returns.
    void walk(loaded, {
      providers: { ...real, deliverWebhook: async (request) => (await real.deliverWebhook(request), new Promise(() => {})) },
      now: time.now,
      wait: async () => {},
    });
    await receiver.waitForRequests(1);
    const cutShort = (await stepRow(loaded.run.id, "hook"))!;
    expect(cutShort).toMatchObject({ status: "running", attempt: 1 });
    expect(cutShort.attempts.map((attempt) => attempt.outcome)).toEqual(["in_flight"]);
    expect((await stepRow(loaded.run.id, "sms"))!.memo).toMatchObject({ ok: true });

    // Another process takes the run over later.
    time.advance(60_000);
    await walk(loaded, { providers: real, now: time.now, wait: async () => {} });

    const hook = (await stepRow(loaded.run.id, "hook"))!;
    expect(hook).toMatchObject({ status: "succeeded", attempt: 2 });
    expect(hook.attempts.map((attempt) => [attempt.attempt, attempt.outcome, attempt.startedAt])).toEqual([
      [1, "interrupted", "2026-11-22T15:00:00.000Z"],
      [2, "succeeded", "2026-11-22T15:01:00.000Z"],
    ]);
    expect(hook.attempts[0]!.error).toEqual({ name: "Interrupted", message: interruptedAttemptMessage });
    // The delivery was repeated with the same webhook-id, so the receiver can tell.
    expect(receiver.requests).toHaveLength(2);
    expect(new Set(receiver.requests.map((request) => request.headers["webhook-id"])).size).toBe(1);

    // The text was sent once: the resumed run read its result back.
    const sms = (await stepRow(loaded.run.id, "sms"))!;
    expect(sms.attempts.map((attempt) => [attempt.attempt, attempt.outcome])).toEqual([[1, "succeeded"]]);
    expect(sms.attempts[0]!.request).toEqual({ to: "+14155550302", from: expect.any(String) });
    const texts = await handle.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.organizationId, organization.id), eq(outboxMessages.channel, "sms")));
    expect(texts).toHaveLength(1);
  });

  it("keeps a refused webhook as one failed attempt, never retried", async () => {
    receiver = await startWebhookReceiver({ respondWith: () => ({ status: 410, body: "gone" }) });
    const graph = graphOf(
      [trigger("t", "call.missed"), node("hook", "action.webhook", { urls: [`${receiver.url}/crm`], headers: [] })],
      [edge("t", "hook")],
    );
    const { loaded } = await liveRun(graph, "+14155550303");
    const waits: number[] = [];
    await walk(loaded, { now: clock().now, wait: async (ms) => void waits.push(ms) });
    const hook = (await stepRow(loaded.run.id, "hook"))!;
    expect(hook.status).toBe("failed");
    expect(hook.attempts).toHaveLength(1);
    expect(hook.attempts[0]).toMatchObject({ outcome: "failed", willRetry: false, retryAt: null, error: { permanent: true } });
    expect(statusesOf(hook.attempts[0]!)).toEqual([410]);
    expect(waits).toEqual([]);
  });
});
