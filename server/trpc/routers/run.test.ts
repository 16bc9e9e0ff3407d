import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, memberships, outboxMessages, workflowRuns } from "@/db/schema";
import type { WorkflowEvent } from "@/engine";
import { edge, graphOf, no, node, trigger, yes } from "@/engine/test-support/graph-builder";
import { createExecutionProviders } from "@/server/execution/create-providers";
import { createEmbeddedExecutor } from "@/server/execution/embedded/embedded-executor";
import { recordEvent } from "@/server/events/record-events";
import { createWorkflow } from "@/server/workflows/create-workflow";
import { publishVersion } from "@/server/workflows/publish-version";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createLiveWorkflow } from "@/test-support/workflows";
import { errorMessageOf, trpcCodeOf } from "@/test-support/rejections";
import { completedCall } from "@/test-support/call-events";

const handle = setupTestDatabase();
const config = testConfig();

const branches = graphOf(
  [
    trigger("t", "call.completed"),
    node("long", "condition.call_duration", { operator: "gt", seconds: 10 }),
    node("sms", "action.send_sms", { body: "Thanks for your call!" }),
    node("tag", "action.tag_call", { tags: ["short"] }),
  ],
  [edge("t", "long"), yes("long", "sms"), no("long", "tag")],
);

/** An organization with the branching workflow live, an embedded executor, and callers for each role. */
async function setup() {
  const owner = await createUserWithOrg(handle.db, config, "Owner");
  const viewer = await createUserWithOrg(handle.db, config, "Viewer");
  await handle.db.insert(memberships).values({ organizationId: owner.organization.id, userId: viewer.user.id, role: "viewer" });
  const executor = createEmbeddedExecutor(
    { db: handle.db, providers: createExecutionProviders(config, handle.db), encryptionKey: config.encryptionKey },
    { wait: async () => {} },
  );
  const { workflow } = await createLiveWorkflow(handle.db, owner.organization.id, branches, "Call follow-up", owner.user.id);
  const asOwner = callerFor(handle.db, config, owner.user, owner.organization.id, executor);
  const asViewer = callerFor(handle.db, config, viewer.user, owner.organization.id, executor);

  let key = 0;
  async function runFor(event: WorkflowEvent) {
    const { eventId } = await recordEvent(handle.db, {
      organization: owner.organization,
      source: "api",
      idempotencyKey: `k-${++key}-${Math.random()}`,
      event,
    });
    await executor.dispatchEvent(eventId);
    await executor.idle();
    const [run] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.eventId, eventId));
    return run!;
  }
  return { owner, workflow, executor, asOwner, asViewer, runFor };
}

describe("run procedures", () => {
  it("list filters and pages runs, with what each run did", async () => {
    const { asOwner, asViewer, runFor, workflow } = await setup();
    const long = await runFor(completedCall(45, { caller: "+14155550101", name: "Dana Whitfield" }));
    const short = await runFor(completedCall(3, { caller: "+14155550102", name: "Dana Whitfield" }));

    const all = await asViewer.run.list({});
    expect(all.runs.map((run) => run.id)).toEqual([short.id, long.id]);
    expect(all.runs[1]).toMatchObject({
      status: "succeeded",
      workflowName: "Call follow-up",
      eventType: "call.completed",
      callerNumber: "+14155550101",
      callerName: "Dana Whitfield",
      actionsTaken: ["action.send_sms"],
    });
    expect(all.runs[0]!.actionsTaken).toEqual(["action.tag_call"]);

    const first = await asOwner.run.list({ limit: 1, workflowId: workflow.id });
    expect(first.runs.map((run) => run.id)).toEqual([short.id]);
    const second = await asOwner.run.list({ limit: 1, workflowId: workflow.id, cursor: first.nextCursor });
    expect(second.runs.map((run) => run.id)).toEqual([long.id]);
    expect(second.nextCursor).toBeNull();

    expect((await asOwner.run.list({ callerNumber: "(415) 555-0102" })).runs.map((run) => run.id)).toEqual([short.id]);
    expect((await asOwner.run.list({ search: "dana" })).runs).toHaveLength(2);
    expect((await asOwner.run.list({ search: "follow-up", status: "failed" })).runs).toEqual([]);
    expect((await asOwner.run.list({ eventType: "call.missed" })).runs).toEqual([]);
  });

  it("lists a missed call's run under the trigger it answered, so the Call missed filter finds it", async () => {
    const { owner, asOwner, runFor } = await setup();
    await createLiveWorkflow(
      handle.db,
      owner.organization.id,
      graphOf([trigger("t", "call.missed"), node("sms", "action.send_sms", { body: "Sorry we missed you" })], [edge("t", "sms")]),
      "Missed call text back",
      owner.user.id,
    );
    // Twilio and CallRail report a missed call as a finished call nobody answered.
    await runFor(completedCall(0, { caller: "+14155550103" }));

    const missed = await asOwner.run.list({ eventType: "call.missed" });
    expect(missed.runs.map((run) => [run.workflowName, run.eventType])).toEqual([["Missed call text back", "call.missed"]]);
    const ended = await asOwner.run.list({ eventType: "call.completed" });
    expect(ended.runs.map((run) => [run.workflowName, run.eventType])).toEqual([["Call follow-up", "call.completed"]]);
  });

  it("replays a run's event on the current published version as a new linked run that executes", async () => {
    const { owner, workflow, asOwner, executor, runFor } = await setup();
    const original = await runFor(completedCall(45, { caller: "+14155550201", name: "Dana Whitfield" }));
    expect(original.status).toBe("succeeded");

    // The workflow changes after the run: the replay uses what is published now.
    const v2 = graphOf(
      [trigger("t", "call.completed"), node("sms", "action.send_sms", { body: "Version two says hi" })],
      [edge("t", "sms")],
    );
    const published = await publishVersion(handle.db, {
      organizationId: owner.organization.id,
      workflowId: workflow.id,
      graph: v2,
      publishedByUserId: owner.user.id,
      allowPrivateWebhookTargets: true,
    });

    const { runId } = await asOwner.run.replay({ runId: original.id });
    expect(runId).not.toBe(original.id);
    await executor.idle();

    const detail = await asOwner.run.get({ runId });
    expect(detail.run).toMatchObject({
      status: "succeeded",
      mode: "live",
      replayOfRunId: original.id,
      versionId: published.id,
      eventId: original.eventId,
    });
    expect(detail.replayOf).toMatchObject({ id: original.id, status: "succeeded" });
    expect(detail.steps.find((step) => step.nodeId === "sms")).toMatchObject({
      status: "succeeded",
      input: expect.objectContaining({ body: "Version two says hi" }),
    });
    const texts = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, owner.organization.id));
    expect(texts.map((message) => message.body)).toEqual(["Thanks for your call!", "Version two says hi"]);

    const originalDetail = await asOwner.run.get({ runId: original.id });
    expect(originalDetail.replays.map((replay) => replay.id)).toEqual([runId]);
    expect(originalDetail.graph).toEqual(branches);

    // Replaying again is allowed: each replay is a run of its own.
    const again = await asOwner.run.replay({ runId: original.id });
    await executor.idle();
    expect((await asOwner.run.get({ runId: original.id })).replays.map((replay) => replay.id)).toEqual([again.runId, runId]);
  });

  it("refuses to replay when the workflow has no published version, and test runs", async () => {
    const { owner, asOwner } = await setup();
    const draft = await createWorkflow(handle.db, {
      organizationId: owner.organization.id,
      name: "Never published",
      graph: branches,
      createdByUserId: owner.user.id,
    });
    const { eventId } = await recordEvent(handle.db, {
      organization: owner.organization,
      source: "api",
      idempotencyKey: "unpublished",
      event: completedCall(5, { caller: "+14155550301", name: "Dana Whitfield" }),
    });
    const [testRun] = await handle.db
      .insert(workflowRuns)
      .values({
        organizationId: owner.organization.id,
        workflowId: draft.id,
        eventId,
        mode: "test",
        testGraph: branches,
        status: "succeeded",
      })
      .returning();
    const [orphan] = await handle.db
      .insert(workflowRuns)
      .values({ organizationId: owner.organization.id, workflowId: draft.id, eventId, mode: "live", status: "failed" })
      .returning();

    expect(await trpcCodeOf(() => asOwner.run.replay({ runId: orphan!.id }))).toBe("PRECONDITION_FAILED");
    expect(await errorMessageOf(() => asOwner.run.replay({ runId: orphan!.id }))).toMatch(/no published version.*Publish it/);
    expect(await trpcCodeOf(() => asOwner.run.replay({ runId: testRun!.id }))).toBe("BAD_REQUEST");
    const runs = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.workflowId, draft.id));
    expect(runs).toHaveLength(2);
  });

  it("lets viewers read runs but not replay them", async () => {
    const { asViewer, runFor } = await setup();
    const run = await runFor(completedCall(45, { caller: "+14155550401", name: "Dana Whitfield" }));
    expect((await asViewer.run.get({ runId: run.id })).run.id).toBe(run.id);
    expect(await trpcCodeOf(() => asViewer.run.replay({ runId: run.id }))).toBe("FORBIDDEN");
    expect(await handle.db.select().from(workflowRuns).where(eq(workflowRuns.replayOfRunId, run.id))).toEqual([]);
  });

  it("answers not-found for another organization's runs and lists none of them", async () => {
    const { runFor, workflow } = await setup();
    const run = await runFor(completedCall(45, { caller: "+14155550501", name: "Dana Whitfield" }));
    const stranger = await createUserWithOrg(handle.db, config, "Stranger");
    const asStranger = callerFor(handle.db, config, stranger.user, stranger.organization.id);
    expect(await trpcCodeOf(() => asStranger.run.get({ runId: run.id }))).toBe("NOT_FOUND");
    expect(await trpcCodeOf(() => asStranger.run.replay({ runId: run.id }))).toBe("NOT_FOUND");
    expect((await asStranger.run.list({})).runs).toEqual([]);
    expect((await asStranger.run.list({ workflowId: workflow.id })).runs).toEqual([]);
    expect((await asStranger.run.list({ search: "Call follow-up" })).runs).toEqual([]);
    expect(await handle.db.select().from(events).where(eq(events.organizationId, stranger.organization.id))).toEqual([]);
  });
});
