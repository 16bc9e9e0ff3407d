import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { events, workflowRuns } from "@/db/schema";
import { edge, graphOf, node, trigger } from "@/engine/test-support/graph-builder";
import { createFanOutFunction } from "./fan-out";
import { acceptEvents } from "@/server/events/accept-events";
import { recordEvent } from "@/server/events/record-events";
import { createExecutionProviders } from "@/server/execution/create-providers";
import type { ExecutionDeps } from "@/server/execution/execute-run";
import { fanOutEvent } from "@/server/execution/fan-out-event";
import { completedCall } from "@/test-support/call-events";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createLiveWorkflow } from "@/test-support/workflows";
import { eventReceived, runRequested } from "@/server/execution/inngest/inngest-events";
import { createInngestExecutor } from "@/server/execution/inngest/inngest-executor";
import type { OutgoingInngestEvent, SendToInngest } from "@/server/execution/inngest/inngest-hand-off";
import { stalledRunMs } from "@/server/execution/inngest/stalled-runs";

const handle = setupTestDatabase();
const config = testConfig();
const quiet = () => {};
const minutes = (count: number) => count * 60_000;
const dayMs = 24 * 60 * 60_000;

/** A dev client for the functions under test; its sends never leave the process. */
const inngest = new Inngest({
  id: "switchboard-test",
  isDev: true,
  logger: { info: quiet, warn: quiet, error: quiet, debug: quiet },
  fetch: (async () => {
    throw new Error("Test Inngest client must not use the network");
  }) as typeof fetch,
});

/** Inngest's event API as it behaves: an id seen in the last 24 hours is dropped, silently. */
function inngestThatDropsDuplicates(now: () => Date) {
  const firstSeen = new Map<string, number>();
  const accepted: OutgoingInngestEvent[] = [];
  const dropped: string[] = [];
  const send: SendToInngest = async (batch) => {
    for (const event of batch) {
      const seenAt = firstSeen.get(event.id);
      if (seenAt !== undefined && now().getTime() - seenAt < dayMs) {
        dropped.push(event.id);
        continue;
      }
      firstSeen.set(event.id, now().getTime());
      accepted.push(event);
    }
  };
  return { send, accepted, dropped };
}

function deps(): ExecutionDeps {
  return { db: handle.db, providers: createExecutionProviders(config, handle.db), encryptionKey: config.encryptionKey };
}

const tagGraph = graphOf([trigger("t", "call.completed"), node("tag", "action.tag_call", { tags: ["x"] })], [edge("t", "tag")]);

let keyCounter = 0;
async function orgWithWorkflow(name: string) {
  const { organization, user } = await createUserWithOrg(handle.db, config, name);
  await createLiveWorkflow(handle.db, organization.id, tagGraph, name, user.id);
  return { organization, user };
}

const callEvent = (organization: { id: string; name: string }) => ({
  organization,
  source: "api" as const,
  idempotencyKey: `executor-${++keyCounter}`,
  event: completedCall(30, { caller: "+14155550123", trackingNumber: "+14155550100" }),
});

/** Delivers an accepted event.received to fan-out, as Inngest would. */
async function deliverToFanOut(event: OutgoingInngestEvent, getDeps: () => Promise<ExecutionDeps>) {
  const engine = new InngestTestEngine({
    function: createFanOutFunction(inngest, getDeps),
    events: [{ name: event.name, data: event.data }],
    steps: [{ id: "run-workflows", handler: () => ({ ids: [] }) }],
  });
  return (await engine.execute()) as Awaited<ReturnType<InngestTestEngine["execute"]>> & { error?: unknown };
}

describe("Inngest executor", () => {
  it("acknowledges an event without waiting for Inngest, then hands the batch over in one send", async () => {
    const { organization } = await orgWithWorkflow("Hanging");
    const sends: { batch: OutgoingInngestEvent[]; settled: boolean }[] = [];
    let answer: () => void = () => {};
    const hangingSend: SendToInngest = (batch) => {
      const send = { batch, settled: false };
      sends.push(send);
      return new Promise<void>((resolve) => {
        answer = () => ((send.settled = true), resolve());
      });
    };
    const executor = createInngestExecutor(handle.db, { send: hangingSend, log: quiet });

    const recorded = await acceptEvents({ db: handle.db, executor }, [
      callEvent(organization),
      callEvent(organization),
      callEvent(organization),
    ]);
    expect(recorded.every((event) => !event.duplicate)).toBe(true);

    // Accepted, and only afterwards sent: one request for all three, which Inngest has not answered.
    await expect.poll(() => sends.length).toBe(1);
    expect(sends[0]!.settled).toBe(false);
    expect(sends[0]!.batch.map((event) => event.id).sort()).toEqual(recorded.map((event) => event.eventId).sort());
    expect(sends[0]!.batch[0]).toMatchObject({
      name: eventReceived.name,
      data: { organizationId: organization.id, callerNumber: "+14155550123", smsSender: "number:+14155550100" },
    });
    answer();
    await executor.idle();
    expect(sends[0]!.settled).toBe(true);
  });

  it("re-sends an event whose fan-out failed under an id Inngest accepts, so its run starts now rather than tomorrow", async () => {
    const { organization } = await orgWithWorkflow("Late");
    let clock = new Date();
    const inngestApi = inngestThatDropsDuplicates(() => clock);
    const executor = createInngestExecutor(handle.db, { send: inngestApi.send, now: () => clock, log: quiet });

    const [accepted] = await acceptEvents({ db: handle.db, executor }, [callEvent(organization)]);
    const eventId = accepted!.eventId;
    await executor.idle();
    expect(inngestApi.accepted.map((event) => event.id)).toEqual([eventId]);

    // Fan-out fails on every attempt (its database is unreachable): the event stays pending.
    const failed = await deliverToFanOut(inngestApi.accepted[0]!, async () => {
      throw new Error("database unavailable");
    });
    expect(failed.error).toMatchObject({ message: "database unavailable" });
    const [pending] = await handle.db.select().from(events).where(eq(events.id, eventId));
    expect(pending!.dispatchState).toBe("pending");

    // Two minutes on, the sweep sends it again; under the event's own id Inngest would drop it for a day.
    clock = new Date(clock.getTime() + minutes(2));
    await executor.sweep();
    const resent = inngestApi.accepted.filter((event) => event.data.eventId === eventId);
    expect(resent).toHaveLength(2);
    expect(resent[1]!.id).not.toBe(eventId);
    expect(inngestApi.dropped).toEqual([]);

    const delivered = await deliverToFanOut(resent[1]!, async () => deps());
    expect(delivered.error).toBeUndefined();
    const runs = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.eventId, eventId));
    expect(runs).toHaveLength(1);
    expect(clock.getTime() - Date.now()).toBeLessThan(minutes(3)); // today, not after Inngest's 24 hours

    // Another sweep a minute later: the same generation, dropped by Inngest, and still one run per (version, event).
    clock = new Date(clock.getTime() + minutes(1));
    await executor.sweep();
    await deliverToFanOut(resent[1]!, async () => deps());
    expect(await handle.db.select().from(workflowRuns).where(eq(workflowRuns.eventId, eventId))).toHaveLength(1);
  });

  it("re-requests runs left queued when fan-out's send failed for good, once they have waited past the stalled limit", async () => {
    const { organization } = await orgWithWorkflow("Queued");
    const { eventId } = await recordEvent(handle.db, callEvent(organization));
    // start-runs committed (event dispatched, run queued), then step.sendEvent failed on every attempt.
    const [runId] = await fanOutEvent(handle.db, eventId);
    let clock = new Date();
    const inngestApi = inngestThatDropsDuplicates(() => clock);
    const executor = createInngestExecutor(handle.db, { send: inngestApi.send, now: () => clock, log: quiet });

    clock = new Date(Date.now() + minutes(1));
    await executor.sweep();
    expect(inngestApi.accepted.filter((event) => event.data.runId === runId)).toEqual([]);

    clock = new Date(Date.now() + stalledRunMs + minutes(1));
    await executor.sweep();
    const requested = inngestApi.accepted.filter((event) => event.data.runId === runId);
    expect(requested).toEqual([
      {
        name: runRequested.name,
        id: expect.stringMatching(new RegExp(`^run-${runId}~r\\d+$`)),
        data: { runId, organizationId: organization.id, callerNumber: "+14155550123", smsSender: "number:+14155550100" },
      },
    ]);
  });

  it("says when a replay could not be handed to Inngest, and keeps the run queued", async () => {
    const { organization, user } = await orgWithWorkflow("Replay");
    const { eventId } = await recordEvent(handle.db, callEvent(organization));
    const [runId] = await fanOutEvent(handle.db, eventId);
    const unreachable: SendToInngest = async () => {
      throw new Error("connect ECONNREFUSED");
    };
    const executor = createInngestExecutor(handle.db, { send: unreachable, log: quiet });

    const replay = await callerFor(handle.db, config, user, organization.id, executor).run.replay({ runId: runId! });
    expect(replay.handedOff).toBe(false);
    const [run] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.id, replay.runId));
    expect(run).toMatchObject({ status: "queued", replayOfRunId: runId });

    const reachable = createInngestExecutor(handle.db, { send: async () => {}, log: quiet });
    expect(await reachable.dispatchRun(replay.runId)).toBe(true);
  });
});
