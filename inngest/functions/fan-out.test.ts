import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { Inngest } from "inngest";
import { InngestExecutionEngine } from "inngest/internals";
import { afterAll, describe, expect, it } from "vitest";
import { events, workflowRuns, workflows } from "@/db/schema";
import type { EventType } from "@/engine";
import { edge, graphOf, node, trigger } from "@/engine/test-support/graph-builder";
import { createExecutionProviders } from "@/server/execution/create-providers";
import type { ExecutionDeps } from "@/server/execution/execute-run";
import { recordEvent } from "@/server/events/record-events";
import { setupTestDatabase } from "@/test-support/test-database";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { createLiveWorkflow } from "@/test-support/workflows";
import { eventReceived, runRequested } from "@/server/execution/inngest/inngest-events";
import { createFanOutFunction } from "./fan-out";
import { completedCall } from "@/test-support/call-events";

/** `state` from @inngest/test is keyed by the hashed step id (sha1), as Inngest stores it. */
const hashed = (stepId: string) => InngestExecutionEngine._internals.hashId(stepId);

const handle = setupTestDatabase();
const config = testConfig();
const networkAttempts: string[] = [];

/** A dev client whose every HTTP attempt is refused and recorded: nothing leaves the process. */
const quiet = () => {}; // the expected step errors below would otherwise be logged as if something broke
const inngest = new Inngest({
  id: "switchboard-test",
  isDev: true,
  logger: { info: quiet, warn: quiet, error: quiet, debug: quiet },
  fetch: (async (input: RequestInfo | URL) => {
    networkAttempts.push(String(input));
    throw new Error(`Test Inngest client must not use the network (${String(input)})`);
  }) as typeof fetch,
});

afterAll(async () => {
  expect(networkAttempts).toEqual([]);
});

function deps(): ExecutionDeps {
  return { db: handle.db, providers: createExecutionProviders(config, handle.db), encryptionKey: config.encryptionKey };
}

const fanOut = () => createFanOutFunction(inngest, async () => deps());

const tagGraph = (eventType: EventType, trackingNumbers: string[] = []) =>
  graphOf([trigger("t", eventType, trackingNumbers), node("tag", "action.tag_call", { tags: ["x"] })], [edge("t", "tag")]);

let keyCounter = 0;

const fairnessOf = (organizationId: string) => ({
  organizationId,
  callerNumber: "+14155550123",
  smsSender: "number:+14155550100",
});

/** One org with two workflows the missed call fires, one disabled, and two whose trigger does not match. */
async function orgWithWorkflows() {
  const { organization, user } = await createUserWithOrg(handle.db, config, "FanOut");
  const missed = await createLiveWorkflow(handle.db, organization.id, tagGraph("call.missed"), "Missed", user.id);
  const completed = await createLiveWorkflow(handle.db, organization.id, tagGraph("call.completed"), "Completed", user.id);
  const disabled = await createLiveWorkflow(handle.db, organization.id, tagGraph("call.missed"), "Disabled", user.id);
  await handle.db.update(workflows).set({ enabled: false }).where(eq(workflows.id, disabled.workflow.id));
  await createLiveWorkflow(handle.db, organization.id, tagGraph("call.answered"), "Answered only", user.id);
  await createLiveWorkflow(handle.db, organization.id, tagGraph("call.missed", ["+14155559999"]), "Other number", user.id);
  const { eventId } = await recordEvent(handle.db, {
    organization,
    source: "api",
    idempotencyKey: `fan-out-${++keyCounter}`,
    event: completedCall(0, { trackingNumber: "+14155550100" }),
  });
  return { organization, eventId, expectedWorkflowIds: [missed.workflow.id, completed.workflow.id].sort() };
}

/**
 * A fresh engine for one execution. `step.sendEvent` would POST to an Inngest server, so its
 * step ("run-workflows") is given a recorded result; the function still calls it with its payload.
 */
function engineFor(eventId: string, organizationId = "org_unknown") {
  const sent: unknown[] = [];
  const engine = new InngestTestEngine({
    function: fanOut(),
    events: [{ name: eventReceived.name, data: { eventId, ...fairnessOf(organizationId) } }],
    steps: [
      {
        id: "run-workflows",
        handler: () => {
          sent.push("run-workflows");
          return { ids: ["evt-sent-1", "evt-sent-2"] };
        },
      },
    ],
  });
  return { engine, sent };
}

async function runsOf(eventId: string) {
  return handle.db.select().from(workflowRuns).where(eq(workflowRuns.eventId, eventId));
}

describe("fan-out Inngest function", () => {
  it("starts one live run per enabled, matching workflow and requests each run with step.sendEvent", async () => {
    const { eventId, expectedWorkflowIds, organization } = await orgWithWorkflows();
    const { engine, sent } = engineFor(eventId, organization.id);

    const { result, ctx, state, error } = (await engine.execute()) as Awaited<ReturnType<InngestTestEngine["execute"]>> & {
      error?: unknown;
    };
    expect(error).toBeUndefined();

    const runs = await runsOf(eventId);
    expect(runs.map((run) => run.workflowId).sort()).toEqual(expectedWorkflowIds);
    expect(runs.every((run) => run.mode === "live" && run.status === "queued" && run.organizationId === organization.id)).toBe(true);
    const runIds = runs.map((run) => run.id).sort();

    // The function's own result names the runs it started.
    expect((result as { runIds: string[] }).runIds.slice().sort()).toEqual(runIds);
    // The "start-runs" step ran for real (against the database) and returned those ids.
    expect(((await state[hashed("start-runs")]) as string[]).slice().sort()).toEqual(runIds);

    // One step.sendEvent call, one switchboard/run.requested event per run, deduplicated by run id.
    const sendEvent = ctx.step.sendEvent as unknown as { mock: { calls: unknown[][] } };
    expect(sendEvent.mock.calls).toHaveLength(1);
    const [stepId, payload] = sendEvent.mock.calls[0]! as [string, { name: string; data: { runId: string }; id: string }[]];
    expect(stepId).toBe("run-workflows");
    expect(payload).toHaveLength(2);
    expect(payload.every((sentEvent) => sentEvent.name === runRequested.name)).toBe(true);
    expect(payload.map((sentEvent) => sentEvent.data.runId).sort()).toEqual(runIds);
    expect(payload.map((sentEvent) => sentEvent.id).sort()).toEqual(runIds.map((id) => `run-${id}`));
    // Each run request carries the fairness keys of its event: concurrency per organization, SMS throttle per sender.
    expect(
      payload.every(
        (sentEvent) => JSON.stringify(sentEvent.data) === JSON.stringify({ runId: sentEvent.data.runId, ...fairnessOf(organization.id) }),
      ),
    ).toBe(true);
    // The send step was reached exactly once, and its result is the step's output.
    expect(sent).toEqual(["run-workflows"]);
    await expect(state[hashed("run-workflows")]).resolves.toEqual({ ids: ["evt-sent-1", "evt-sent-2"] });

    const run = ctx.step.run as unknown as { mock: { calls: unknown[][] } };
    expect(run.mock.calls.map((call) => call[0])).toEqual(["start-runs"]);

    const [stored] = await handle.db.select().from(events).where(eq(events.id, eventId));
    expect(stored!.dispatchState).toBe("dispatched");
  });

  it("is idempotent per published version and event: a second fan-out creates no extra runs", async () => {
    const { eventId, expectedWorkflowIds } = await orgWithWorkflows();

    const first = await engineFor(eventId).engine.execute();
    const firstRuns = await runsOf(eventId);
    expect(firstRuns).toHaveLength(2);

    // A redelivered event.received: a brand-new execution with no memoized step state.
    const second = engineFor(eventId);
    const again = await second.engine.execute();
    const secondRuns = await runsOf(eventId);
    expect(secondRuns.map((run) => run.id).sort()).toEqual(firstRuns.map((run) => run.id).sort());
    expect(secondRuns.map((run) => run.workflowId).sort()).toEqual(expectedWorkflowIds);

    // The still-queued runs are requested again, with the same event ids, so Inngest drops the duplicates.
    expect((again.result as { runIds: string[] }).runIds.slice().sort()).toEqual(
      (first.result as { runIds: string[] }).runIds.slice().sort(),
    );
    const sendEvent = again.ctx.step.sendEvent as unknown as { mock: { calls: unknown[][] } };
    const payload = sendEvent.mock.calls[0]![1] as { id: string }[];
    expect(payload.map((sentEvent) => sentEvent.id).sort()).toEqual(firstRuns.map((run) => `run-${run.id}`).sort());
  });

  it("sends nothing for an event no workflow matches, and for an unknown event id", async () => {
    const { organization } = await createUserWithOrg(handle.db, config, "NoMatch");
    await createLiveWorkflow(handle.db, organization.id, tagGraph("call.answered"), "Answered only");
    const { eventId } = await recordEvent(handle.db, {
      organization,
      source: "api",
      idempotencyKey: "no-match",
      event: completedCall(0, { trackingNumber: "+14155550100" }),
    });

    for (const id of [eventId, "evt_does_not_exist"]) {
      const { engine, sent } = engineFor(id);
      const { result, ctx } = await engine.execute();
      expect(result).toEqual({ runIds: [] });
      expect((ctx.step.sendEvent as unknown as { mock: { calls: unknown[] } }).mock.calls).toHaveLength(0);
      expect(sent).toEqual([]);
    }
    expect(await runsOf(eventId)).toHaveLength(0);
  });
});
