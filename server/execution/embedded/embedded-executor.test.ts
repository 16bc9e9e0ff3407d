import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, organizations, outboxMessages, runSteps, workflowRuns } from "@/db/schema";
import { sampleEventWith, type WorkflowEvent } from "@/engine";
import { edge, graphOf, no, node, trigger, yes } from "@/engine/test-support/graph-builder";
import { startWebhookReceiver, type WebhookReceiver } from "@/test-support/stand-ins/webhook-receiver";
import { decryptSecret } from "@/server/crypto/secret-box";
import { setupTestDatabase } from "@/test-support/test-database";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { createLiveWorkflow } from "@/test-support/workflows";
import { createExecutionProviders } from "../create-providers";
import type { ExecutionProviders } from "../execution-providers";
import { recordEvent, recordEvents } from "@/server/events/record-events";
import { executorHeartbeatTtlMs } from "../run-transitions";
import { createEmbeddedExecutor } from "./embedded-executor";

const handle = setupTestDatabase();
let receiver: WebhookReceiver;
const config = testConfig({ allowPrivateWebhookTargets: true });

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

function missedOrAnswered(durationSeconds: number, caller = "+14155550123"): WorkflowEvent {
  return sampleEventWith("call.completed", (event) => {
    event.call.duration_seconds = durationSeconds;
    event.call.answered = durationSeconds > 0;
    event.call.status = durationSeconds > 0 ? "answered" : "no_answer";
    event.caller.phone_number = caller;
  });
}

function clock(start = new Date("2026-11-22T15:00:00Z")) {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (ms: number) => (current += ms) };
}

async function setup(providers?: (real: ExecutionProviders) => ExecutionProviders) {
  const { user, organization } = await createUserWithOrg(handle.db, config, "Exec");
  const real = createExecutionProviders(config, handle.db);
  const deps = { db: handle.db, providers: providers ? providers(real) : real, encryptionKey: config.encryptionKey };
  return { user, organization, deps };
}

let keyCounter = 0;
async function ingest(organization: { id: string; name: string }, event: WorkflowEvent, key = `key-${++keyCounter}`) {
  return recordEvent(handle.db, { organization, source: "api", idempotencyKey: key, event });
}

const noWait = async () => {};

async function stepsOf(runId: string) {
  const rows = await handle.db.select().from(runSteps).where(eq(runSteps.runId, runId));
  return Object.fromEntries(rows.map((row) => [row.nodeId, row]));
}

describe("embedded executor", () => {
  it("walks both branches of a duration condition: SMS on Yes, email on No", async () => {
    const { organization, deps, user } = await setup();
    const graph = graphOf(
      [
        trigger("t", "call.completed"),
        node("long", "condition.call_duration", { operator: "gt", seconds: 10 }),
        node("sms", "action.send_sms", { body: "Thanks for your {{ call.duration_seconds }}s call!" }),
        node("mail", "action.send_email", { to: "me", subject: "Short call from {{ caller.phone_number }}", body: "Call back?" }),
      ],
      [edge("t", "long"), yes("long", "sms"), no("long", "mail")],
    );
    await createLiveWorkflow(handle.db, organization.id, graph, "Branches", user.id);
    const executor = createEmbeddedExecutor(deps, { wait: noWait });

    const long = await ingest(organization, missedOrAnswered(30, "+14155550001"));
    const short = await ingest(organization, missedOrAnswered(5, "+14155550002"));
    await executor.dispatchEvent(long.eventId);
    await executor.dispatchEvent(short.eventId);
    await executor.idle();

    const runs = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.organizationId, organization.id));
    expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded"]);
    const longRun = runs.find((run) => run.eventId === long.eventId)!;
    const shortRun = runs.find((run) => run.eventId === short.eventId)!;

    const longSteps = await stepsOf(longRun.id);
    expect(longSteps.long).toMatchObject({ status: "succeeded", branch: "true" });
    expect(longSteps.sms).toMatchObject({
      status: "succeeded",
      attempt: 1,
      input: { body: "Thanks for your 30s call!" },
      output: { to: "+14155550001" },
    });
    expect(longSteps.sms!.memo).toMatchObject({ ok: true, value: { to: "+14155550001" } });
    expect(longSteps.sms!.finishedAt).toBeInstanceOf(Date);
    expect(longSteps.mail).toMatchObject({ status: "skipped" });
    const shortSteps = await stepsOf(shortRun.id);
    expect(shortSteps.long).toMatchObject({ branch: "false" });
    expect(shortSteps.sms!.status).toBe("skipped");
    expect(shortSteps.mail!.status).toBe("succeeded");

    const outbox = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, organization.id));
    const texts = outbox.filter((message) => message.channel === "sms");
    const mails = outbox.filter((message) => message.channel === "email");
    expect(texts.map((message) => [message.to, message.body])).toEqual([["+14155550001", "Thanks for your 30s call!"]]);
    expect(mails.map((message) => [message.to, message.subject])).toEqual([[user.email, "Short call from +14155550002"]]);
    expect(mails[0]!.body).toContain("Call back?");
  });

  it("turns one event delivered twice (even concurrently) into one event and one run per matching workflow", async () => {
    const { organization, deps } = await setup();
    const graph = graphOf([trigger("t", "call.missed"), node("tag", "action.tag_call", { tags: ["missed"] })], [edge("t", "tag")]);
    await createLiveWorkflow(handle.db, organization.id, graph, "One");
    await createLiveWorkflow(handle.db, organization.id, graph, "Two");
    const event = missedOrAnswered(0);
    const [first, second] = await Promise.all([ingest(organization, event, "dup-1"), ingest(organization, event, "dup-1")]);
    expect(first.eventId).toBe(second.eventId);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);

    const executor = createEmbeddedExecutor(deps, { wait: noWait });
    await Promise.all([executor.dispatchEvent(first.eventId), executor.dispatchEvent(first.eventId)]);
    await executor.idle();
    await executor.dispatchEvent(first.eventId); // a late redelivery
    await executor.idle();

    expect(await handle.db.select().from(events).where(eq(events.organizationId, organization.id))).toHaveLength(1);
    const runs = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.organizationId, organization.id));
    expect(runs).toHaveLength(2);
    expect(runs.every((run) => run.status === "succeeded")).toBe(true);
  });

  it("retries a failing webhook: three attempts with one webhook-id, each body verifiable", async () => {
    const { organization, deps } = await setup();
    receiver.requests.length = 0;
    receiver.setFailFirst(2);
    const graph = graphOf(
      [trigger("t", "call.missed"), node("hook", "action.webhook", { urls: [`${receiver.url}/crm`], headers: [] })],
      [edge("t", "hook")],
    );
    await createLiveWorkflow(handle.db, organization.id, graph, "Hook");
    const executor = createEmbeddedExecutor(deps, { wait: noWait });
    const { eventId } = await ingest(organization, missedOrAnswered(0));
    await executor.dispatchEvent(eventId);
    await executor.idle();

    const [run] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.eventId, eventId));
    expect(run!.status).toBe("succeeded");
    const steps = await stepsOf(run!.id);
    expect(steps.hook).toMatchObject({ status: "succeeded", attempt: 3 });

    expect(receiver.requests).toHaveLength(3);
    const ids = new Set(receiver.requests.map((request) => request.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, organization.id));
    const verifier = new Webhook(decryptSecret(org!.webhookSecretEncrypted!, config.encryptionKey));
    for (const request of receiver.requests) {
      const body = verifier.verify(request.body, request.headers) as { type: string; run: { id: string } };
      expect(body.type).toBe("call.completed");
      expect(body.run.id).toBe(run!.id);
    }
  });

  it("fails a webhook the receiver rejects (4xx) at once, and finishes independent branches", async () => {
    const { organization, deps } = await setup();
    const rejecting = await startWebhookReceiver({ respondWith: () => ({ status: 410, body: "gone" }) });
    try {
      const graph = graphOf(
        [
          trigger("t", "call.missed"),
          node("hook", "action.webhook", { urls: [rejecting.url], headers: [] }),
          node("after", "action.tag_call", { tags: ["x"] }),
          node("sms", "action.send_sms"),
        ],
        [edge("t", "hook"), edge("hook", "after"), edge("t", "sms")],
      );
      await createLiveWorkflow(handle.db, organization.id, graph, "Reject");
      const executor = createEmbeddedExecutor(deps, { wait: noWait });
      const { eventId } = await ingest(organization, missedOrAnswered(0, "+14155550777"));
      await executor.dispatchEvent(eventId);
      await executor.idle();
      const [run] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.eventId, eventId));
      expect(run!.status).toBe("failed");
      expect(run!.error).toContain("410");
      const steps = await stepsOf(run!.id);
      expect(steps.hook).toMatchObject({ status: "failed", attempt: 1 });
      expect(steps.after!.status).toBe("skipped");
      expect(steps.sms!.status).toBe("succeeded");
      expect(rejecting.requests).toHaveLength(1);
    } finally {
      await rejecting.close();
    }
  });

  it("parks a run during a delay; a restarted process resumes it without repeating finished steps", async () => {
    const { organization, deps, user } = await setup();
    const time = clock();
    const graph = graphOf(
      [
        trigger("t", "call.missed"),
        node("sms", "action.send_sms", { body: "Sorry we missed you" }),
        node("wait", "action.delay", { amount: 1, unit: "hours" }),
        node("mail", "action.send_email", { to: "me", subject: "Follow up", body: "Did they call back?" }),
      ],
      [edge("t", "sms"), edge("sms", "wait"), edge("wait", "mail")],
    );
    await createLiveWorkflow(handle.db, organization.id, graph, "Delay", user.id);
    const first = createEmbeddedExecutor({ ...deps, now: time.now }, { wait: noWait });
    const { eventId } = await ingest(organization, missedOrAnswered(0, "+14155550888"));
    await first.dispatchEvent(eventId);
    await first.idle();
    let [run] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.eventId, eventId));
    expect(run!.status).toBe("waiting");
    expect(run!.wakeAt?.toISOString()).toBe("2026-11-22T16:00:00.000Z");
    await first.stop(); // the process goes away

    time.advance(2 * 60 * 60_000);
    const second = createEmbeddedExecutor({ ...deps, now: time.now }, { wait: noWait });
    expect(second.lastSweepAt()).toBeNull();
    await second.sweep(); // what start-up does
    expect(second.lastSweepAt()).toEqual(time.now()); // the heartbeat /api/health reports
    await second.idle();
    [run] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.eventId, eventId));
    expect(run!.status).toBe("succeeded");
    const outbox = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, organization.id));
    expect(outbox.filter((message) => message.channel === "sms")).toHaveLength(1);
    expect(outbox.filter((message) => message.channel === "email")).toHaveLength(1);
    const steps = await stepsOf(run!.id);
    expect(steps.sms!.attempt).toBe(1);
    expect(steps.wait!.status).toBe("succeeded");
  });

  it("recovers a run whose process died after its first action: nothing runs twice, nothing is lost", async () => {
    const time = clock();
    let hang = true;
    const { organization, deps, user } = await setup((real) => ({
      ...real,
      // The first process dies while sending the email: the call never returns.
      sendEmail: (request) => (hang ? new Promise(() => {}) : real.sendEmail(request)),
    }));
    const graph = graphOf(
      [
        trigger("t", "call.missed"),
        node("sms", "action.send_sms", { body: "Sorry we missed you" }),
        node("mail", "action.send_email", { to: "me", subject: "Missed call", body: "Call back" }),
      ],
      [edge("t", "sms"), edge("sms", "mail")],
    );
    await createLiveWorkflow(handle.db, organization.id, graph, "Crash", user.id);
    const first = createEmbeddedExecutor({ ...deps, now: time.now }, { wait: noWait });
    const { eventId } = await ingest(organization, missedOrAnswered(0, "+14155550999"));
    await first.dispatchEvent(eventId);
    await expect
      .poll(
        async () =>
          (
            await handle.db
              .select()
              .from(outboxMessages)
              .where(and(eq(outboxMessages.organizationId, organization.id), eq(outboxMessages.channel, "sms")))
          ).length,
      )
      .toBe(1);

    // A new process starts after the dead one has stopped beating for longer than the heartbeat TTL.
    hang = false;
    time.advance(2 * 60_000);
    const second = createEmbeddedExecutor({ ...deps, now: time.now }, { wait: noWait });
    await second.sweep();
    // It takes over others' runs once it has itself been alive for a heartbeat TTL.
    time.advance(executorHeartbeatTtlMs);
    await second.sweep();
    await second.idle();

    const [run] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.eventId, eventId));
    expect(run!.status).toBe("succeeded");
    const outbox = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, organization.id));
    expect(outbox.filter((message) => message.channel === "sms")).toHaveLength(1);
    expect(outbox.filter((message) => message.channel === "email")).toHaveLength(1);
    const steps = await stepsOf(run!.id);
    expect(steps.sms!.attempt).toBe(1);
  });

  it("does not spend a step's attempts, or fail the run, while the database is unreachable: the run waits and then goes on", async () => {
    let outage = 6;
    const { organization, deps, user } = await setup((real) => ({
      ...real,
      // The outbox sender writes to the database: while it is away, every try fails the way the driver does.
      sendSms: async (request) => {
        if (outage > 0) {
          outage -= 1;
          throw Object.assign(new Error('Failed query: insert into "outbox_messages" …'), {
            cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
          });
        }
        return real.sendSms(request);
      },
    }));
    const graph = graphOf([trigger("t", "call.missed"), node("sms", "action.send_sms", { body: "Sorry" })], [edge("t", "sms")]);
    await createLiveWorkflow(handle.db, organization.id, graph, "Outage", user.id);
    const executor = createEmbeddedExecutor(deps, { wait: noWait, unexpectedErrorRetryMs: 1, log: () => {} });
    const { eventId } = await ingest(organization, missedOrAnswered(0, "+14155550778"));
    await executor.dispatchEvent(eventId);
    await expect
      .poll(async () => (await handle.db.select().from(workflowRuns).where(eq(workflowRuns.eventId, eventId)))[0]?.status, {
        timeout: 15_000,
      })
      .toBe("succeeded");
    expect(outage).toBe(0);
  });

  it("stops a run whose record the database refuses (a NUL in a provider's answer) instead of repeating its actions forever", async () => {
    let texts = 0;
    const { organization, deps, user } = await setup((real) => ({
      ...real,
      sendSms: async () => {
        texts += 1;
        return { status: "sent\u0000", providerMessageId: "SM\u0000" };
      },
    }));
    const graph = graphOf(
      [trigger("t", "call.missed"), node("sms", "action.send_sms", { body: "Sorry" }), node("tag", "action.tag_call", { tags: ["x"] })],
      [edge("t", "sms"), edge("sms", "tag")],
    );
    await createLiveWorkflow(handle.db, organization.id, graph, "Poison", user.id);
    const logged: string[] = [];
    const executor = createEmbeddedExecutor(deps, { wait: noWait, unexpectedErrorRetryMs: 1, log: (message) => logged.push(message) });
    const { eventId } = await ingest(organization, missedOrAnswered(0, "+14155550777"));
    await executor.dispatchEvent(eventId);
    await executor.idle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await executor.idle();

    const [run] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.eventId, eventId));
    expect(run).toMatchObject({ status: "failed", lockedBy: null });
    expect(run!.error).toMatch(/^This run's record could not be saved \(.+\), so it was stopped rather than repeated\.$/);
    expect(run!.error).not.toContain("insert into");
    expect(texts).toBe(1);
  });

  it("fans out every event handed over, however many more arrive than one batch takes", async () => {
    const { organization, deps } = await setup();
    const graph = graphOf([trigger("t", "call.missed"), node("tag", "action.tag_call", { tags: ["x"] })], [edge("t", "tag")]);
    await createLiveWorkflow(handle.db, organization.id, graph, "Many");
    const recorded = await recordEvents(
      handle.db,
      Array.from({ length: 1_100 }, (_, index) => ({
        organization,
        source: "api" as const,
        idempotencyKey: `many-${index}`,
        event: missedOrAnswered(0),
      })),
    );
    const executor = createEmbeddedExecutor(deps, { wait: noWait, concurrency: 16 });
    for (const { eventId } of recorded) await executor.dispatchEvent(eventId);
    await executor.idle();
    const pending = await handle.db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.organizationId, organization.id), eq(events.dispatchState, "pending")));
    expect(pending).toHaveLength(0);
    const runs = await handle.db
      .select({ status: workflowRuns.status })
      .from(workflowRuns)
      .where(eq(workflowRuns.organizationId, organization.id));
    expect(runs).toHaveLength(1_100);
    expect(runs.every((run) => run.status === "succeeded")).toBe(true);
  });

  it("re-dispatches events that were committed but never handed over (start-up sweep)", async () => {
    const { organization, deps } = await setup();
    const graph = graphOf([trigger("t", "call.missed"), node("tag", "action.tag_call", { tags: ["x"] })], [edge("t", "tag")]);
    await createLiveWorkflow(handle.db, organization.id, graph, "Sweep");
    const { eventId } = await ingest(organization, missedOrAnswered(0)); // committed, never dispatched
    const executor = createEmbeddedExecutor(deps, { wait: noWait });
    await executor.sweep();
    await executor.idle();
    const [run] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.eventId, eventId));
    expect(run!.status).toBe("succeeded");
    const [event] = await handle.db.select().from(events).where(eq(events.id, eventId));
    expect(event!.dispatchState).toBe("dispatched");
  });
});
