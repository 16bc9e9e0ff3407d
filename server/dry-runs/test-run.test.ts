import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { events, memberships, outboxMessages, workflowRuns } from "@/db/schema";
import { sampleEvent, sampleEventWith, type WorkflowGraph } from "@/engine";
import { edge, graphOf, no, node, trigger, yes } from "@/engine/test-support/graph-builder";
import { startWebhookReceiver, type WebhookReceiver } from "@/test-support/stand-ins/webhook-receiver";
import { fanOutEvent } from "@/server/execution/fan-out-event";
import { recordEvent } from "@/server/events/record-events";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createLiveWorkflow } from "@/test-support/workflows";
import { trpcCodeOf } from "@/test-support/rejections";

const handle = setupTestDatabase();
const config = testConfig({ allowPrivateWebhookTargets: true });
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

/** Missed call → is it longer than a minute? yes: text the caller and post a webhook; no: email the team. */
function branchingGraph(url: string): WorkflowGraph {
  return graphOf(
    [
      trigger("t", "call.answered"),
      node("long", "condition.call_duration", { operator: "gt", seconds: 60 }),
      node("sms", "action.send_sms", { body: "Thanks for calling, {{ caller.name }}!" }),
      node("hook", "action.webhook", { urls: [url], headers: [] }),
      node("mail", "action.send_email", { to: "all_members", subject: "Short call", body: "A short call came in." }),
    ],
    [edge("t", "long"), yes("long", "sms"), edge("sms", "hook"), no("long", "mail")],
  );
}

async function setup(name: string) {
  const { user, organization } = await createUserWithOrg(handle.db, config, name);
  const caller = callerFor(handle.db, config, user, organization.id);
  const { id: workflowId } = await caller.workflow.importJson({
    name: `${name}'s workflow`,
    graph: graphOf([trigger("t")], []),
    publish: false,
  });
  return { user, organization, caller, workflowId };
}

async function finishedRun(caller: ReturnType<typeof callerFor>, runId: string) {
  return vi.waitFor(
    async () => {
      const run = await caller.run.get({ runId });
      if (["queued", "running"].includes(run.run.status)) throw new Error(`run ${runId} is still ${run.run.status}`);
      return run;
    },
    { timeout: 10_000, interval: 20 },
  );
}

async function outboxCount(organizationId: string) {
  return (await handle.db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, organizationId))).length;
}

describe("test runs from the editor", () => {
  it("evaluate conditions for real and render actions without sending anything", async () => {
    const { organization, caller, workflowId } = await setup("Dry");
    const before = receiver.requests.length;
    const { runId } = await caller.workflow.testRun({
      workflowId,
      graph: branchingGraph(`${receiver.url}/dry`),
      event: { source: "sample", payload: sampleEvent("call.answered") },
    });
    const run = await finishedRun(caller, runId);

    expect(run.run).toMatchObject({ mode: "test", status: "succeeded", versionId: null });
    const steps = Object.fromEntries(run.steps.map((step) => [step.nodeId, step]));
    expect(steps.long).toMatchObject({ status: "succeeded", branch: "true" });
    expect(steps.sms).toMatchObject({
      status: "succeeded",
      input: { body: "Thanks for calling, Jane Doe!", segments: 1 },
      output: { simulated: true },
    });
    expect(steps.hook).toMatchObject({ status: "succeeded", output: { simulated: true } });
    expect(steps.mail).toMatchObject({ status: "skipped" });
    expect(run.graph).toMatchObject({ nodes: expect.arrayContaining([expect.objectContaining({ id: "hook" })]) });

    expect(await outboxCount(organization.id)).toBe(0);
    expect(receiver.requests.filter((request) => request.path === "/dry")).toHaveLength(0);
    expect(receiver.requests.length).toBe(before);
  });

  it("takes the other branch when the edited sample says so", async () => {
    const { caller, workflowId } = await setup("Short");
    const shortCall = sampleEventWith("call.answered", (event) => {
      event.call.duration_seconds = 12;
    });
    const { runId } = await caller.workflow.testRun({
      workflowId,
      graph: branchingGraph(`${receiver.url}/short`),
      event: { source: "sample", payload: shortCall },
    });
    const run = await finishedRun(caller, runId);
    const steps = Object.fromEntries(run.steps.map((step) => [step.nodeId, step]));
    expect(steps.long).toMatchObject({ branch: "false" });
    expect(steps.sms!.status).toBe("skipped");
    expect(steps.mail).toMatchObject({ status: "succeeded", input: { subject: "Short call" } });
  });

  it("sends for real only when asked", async () => {
    const { organization, caller, workflowId } = await setup("Real");
    const { runId } = await caller.workflow.testRun({
      workflowId,
      graph: branchingGraph(`${receiver.url}/real`),
      event: { source: "sample", payload: sampleEvent("call.answered") },
      sendForReal: true,
    });
    const run = await finishedRun(caller, runId);
    expect(run.run).toMatchObject({ mode: "test", status: "succeeded" });
    const texts = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, organization.id));
    expect(texts.map((message) => message.body)).toEqual(["Thanks for calling, Jane Doe!"]);
    expect(receiver.requests.filter((request) => request.path === "/real")).toHaveLength(1);
  });

  it("is never a fan-out candidate and never counts as a live run", async () => {
    const { user, organization, caller } = await setup("Fan");
    const graph = branchingGraph(`${receiver.url}/fan`);
    const { workflow } = await createLiveWorkflow(handle.db, organization.id, graph, "Live one", user.id);
    const { eventId } = await recordEvent(handle.db, {
      organization,
      source: "api",
      idempotencyKey: "real-1",
      event: sampleEvent("call.answered"),
    });

    const recent = await caller.workflow.testEvents({ workflowId: workflow.id, eventType: "call.answered" });
    expect(recent.map((event) => event.id)).toEqual([eventId]);
    const { runId: testRunId } = await caller.workflow.testRun({ workflowId: workflow.id, graph, event: { source: "recent", eventId } });
    await finishedRun(caller, testRunId);

    // The real event still fans out to exactly one live run; the test run is not among the runs to execute.
    const liveRunIds = await fanOutEvent(handle.db, eventId);
    expect(liveRunIds).toHaveLength(1);
    expect(liveRunIds).not.toContain(testRunId);

    // A sample is stored as already handled, so neither fan-out nor the sweep ever starts live runs from it.
    const { runId: sampleRunId } = await caller.workflow.testRun({
      workflowId: workflow.id,
      graph,
      event: { source: "sample", payload: sampleEvent("call.answered") },
    });
    await finishedRun(caller, sampleRunId);
    const [sampleRun] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.id, sampleRunId));
    const [sampleEventRow] = await handle.db.select().from(events).where(eq(events.id, sampleRun!.eventId));
    expect(sampleEventRow).toMatchObject({ source: "test", dispatchState: "dispatched", organizationId: organization.id });
    expect((await caller.workflow.testEvents({ workflowId: workflow.id, eventType: "call.answered" })).map((event) => event.id)).toEqual([
      eventId,
    ]);

    const [listed] = (await caller.workflow.list()).filter((row) => row.id === workflow.id);
    expect(listed!.runsLast7Days).toBe(1);
  });

  it("explains an event that does not fit the format, and a draft that cannot run", async () => {
    const { caller, workflowId } = await setup("Invalid");
    const broken = { ...sampleEvent("call.answered"), caller: { first_call: "yes" } };
    const error = await caller.workflow
      .testRun({ workflowId, graph: branchingGraph(`${receiver.url}/x`), event: { source: "sample", payload: broken } })
      .catch((caught: unknown) => caught as TRPCError);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toContain("caller.phone_number");

    const badDraft = graphOf([trigger("t"), node("sms", "action.send_sms", { body: "" })], [edge("t", "sms")]);
    const draftError = await caller.workflow
      .testRun({ workflowId, graph: badDraft, event: { source: "sample", payload: sampleEvent("call.missed") } })
      .catch((caught: unknown) => caught as TRPCError);
    expect((draftError as TRPCError).message).toMatch(/^Fix the workflow's problems before testing it/);
  });

  it("is for editors and up, within their own organization", async () => {
    const owner = await setup("Owner");
    const other = await setup("Other");
    const viewer = await createUserWithOrg(handle.db, config, "Viewer");
    await handle.db.insert(memberships).values({ organizationId: owner.organization.id, userId: viewer.user.id, role: "viewer" });
    const asViewer = callerFor(handle.db, config, viewer.user, owner.organization.id);
    const graph = branchingGraph(`${receiver.url}/roles`);
    const sample = { source: "sample" as const, payload: sampleEvent("call.answered") };

    expect(await trpcCodeOf(() => asViewer.workflow.testRun({ workflowId: owner.workflowId, graph, event: sample }))).toBe("FORBIDDEN");
    expect(await trpcCodeOf(() => asViewer.workflow.testEvents({ workflowId: owner.workflowId, eventType: "call.answered" }))).toBe(
      "FORBIDDEN",
    );
    expect(await trpcCodeOf(() => other.caller.workflow.testRun({ workflowId: owner.workflowId, graph, event: sample }))).toBe("NOT_FOUND");
    expect(await trpcCodeOf(() => other.caller.workflow.testEvents({ workflowId: owner.workflowId, eventType: "call.answered" }))).toBe(
      "NOT_FOUND",
    );

    const { eventId } = await recordEvent(handle.db, {
      organization: owner.organization,
      source: "api",
      idempotencyKey: "owner-real",
      event: sampleEvent("call.answered"),
    });
    expect(
      await trpcCodeOf(() => other.caller.workflow.testRun({ workflowId: other.workflowId, graph, event: { source: "recent", eventId } })),
    ).toBe("NOT_FOUND");

    const { runId } = await owner.caller.workflow.testRun({ workflowId: owner.workflowId, graph, event: sample });
    await finishedRun(owner.caller, runId);
    expect(await trpcCodeOf(() => other.caller.run.get({ runId }))).toBe("NOT_FOUND");
  });
});
