import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { Inngest } from "inngest";
import { InngestExecutionEngine } from "inngest/internals";
import { StepOpCode } from "inngest/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMessages, runSteps, workflowRuns } from "@/db/schema";
import type { WorkflowEvent, WorkflowGraph } from "@/engine";
import { edge, graphOf, no, node, trigger, yes } from "@/engine/test-support/graph-builder";
import { startWebhookReceiver, type WebhookReceiver } from "@/test-support/stand-ins/webhook-receiver";
import { createExecutionProviders } from "@/server/execution/create-providers";
import type { ExecutionDeps } from "@/server/execution/execute-run";
import { fanOutEvent } from "@/server/execution/fan-out-event";
import { recordEvent } from "@/server/events/record-events";
import { setupTestDatabase } from "@/test-support/test-database";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { createLiveWorkflow } from "@/test-support/workflows";
import { runRequested } from "@/server/execution/inngest/inngest-events";
import { createInngestAttemptLog } from "@/server/execution/inngest/inngest-attempt-log";
import { interruptedAttemptMessage } from "@/server/execution/step-attempts";
import { claimStepId, createRunWorkflowFunction, parkStepId, runWorkflowRetries } from "./run-workflow";
import { completedCall } from "@/test-support/call-events";
import { withExecutionOptions } from "@/test-support/inngest-execution-options";

const handle = setupTestDatabase();
const config = testConfig({ allowPrivateWebhookTargets: true });
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

/** `state` and outgoing ops from @inngest/test are keyed by the hashed step id (sha1), as Inngest stores them. */
const hashed = (stepId: string) => InngestExecutionEngine._internals.hashId(stepId);

afterAll(async () => {
  expect(networkAttempts).toEqual([]);
});

function deps(): ExecutionDeps {
  return { db: handle.db, providers: createExecutionProviders(config, handle.db), encryptionKey: config.encryptionKey };
}

const runWorkflowFunction = () => createRunWorkflowFunction(inngest, async () => deps());

let keyCounter = 0;

/** A published, enabled workflow and one live run of it for `event`, created the way fan-out creates it. */
async function runFor(graph: WorkflowGraph, event: WorkflowEvent, name = "Workflow") {
  const { organization, user } = await createUserWithOrg(handle.db, config, "RunWf");
  await createLiveWorkflow(handle.db, organization.id, graph, name, user.id);
  const { eventId } = await recordEvent(handle.db, { organization, source: "api", idempotencyKey: `rw-${++keyCounter}`, event });
  const runIds = await fanOutEvent(handle.db, eventId);
  expect(runIds).toHaveLength(1);
  return { organization, user, runId: runIds[0]! };
}

/** The fairness keys every run.requested carries; run-workflow itself reads the run from the database. */
const requestOf = (runId: string) => ({
  name: runRequested.name,
  data: { runId, organizationId: "org_from_event", callerNumber: null, smsSender: "organization:org_from_event" },
});

/** The run's claim as Inngest memoised it in an earlier invocation of the same Inngest run. */
const claimedEarlier: InngestTestEngine.MockedStep = { id: claimStepId, handler: () => ({ claimed: true }) };

/**
 * A fresh engine (fresh mock cache) for one run-workflow execution. Given `steps`, it is a later
 * invocation of the same Inngest run (a retry or a wake-up): its claim is memoised too.
 */
function engineFor(runId: string, steps?: InngestTestEngine.MockedStep[]) {
  return new InngestTestEngine({
    function: runWorkflowFunction(),
    events: [requestOf(runId)],
    ...(steps ? { steps: [claimedEarlier, ...steps] } : {}),
  });
}

/**
 * Memoized step state exactly as Inngest sends it (`{ id, data }` or `{ id, error }`, keyed by hashed id).
 * Needed for failed steps: @inngest/test 1.0.0 hands inngest 4.x its mock `data` as a Promise, which
 * the engine reads as "has data", so a mocked step that throws resolves to undefined instead of rejecting.
 */
function withMemoizedSteps<F extends object>(fn: F, memo: Record<string, { data: unknown } | { error: unknown }>): F {
  const stepState = Object.fromEntries(Object.entries(memo).map(([id, op]) => [hashed(id), { id: hashed(id), ...op }]));
  return withExecutionOptions(fn, (options) => ({ ...options, stepState, stepCompletionOrder: Object.keys(stepState) }));
}

type SpyCalls = { mock: { calls: unknown[][] } };
const stepIdsOf = (spy: unknown) => (spy as SpyCalls).mock.calls.map((call) => call[0]);

async function runRow(runId: string) {
  const [row] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.id, runId));
  return row!;
}

async function stepsOf(runId: string) {
  const rows = await handle.db.select().from(runSteps).where(eq(runSteps.runId, runId));
  return Object.fromEntries(rows.map((row) => [row.nodeId, row]));
}

async function outboxOf(organizationId: string) {
  return handle.db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, organizationId));
}

const branchesGraph = graphOf(
  [
    trigger("t", "call.completed"),
    node("long", "condition.call_duration", { operator: "gt", seconds: 10 }),
    node("sms", "action.send_sms", { body: "Thanks for your {{ call.duration_seconds }}s call!" }),
    node("mail", "action.send_email", { to: "me", subject: "Short call from {{ caller.phone_number }}", body: "Call back?" }),
  ],
  [edge("t", "long"), yes("long", "sms"), no("long", "mail")],
);

describe("run-workflow Inngest function", () => {
  it("walks a long call down the Yes branch: one step.run per node id, SMS in the outbox, run succeeded", async () => {
    const { organization, runId } = await runFor(branchesGraph, completedCall(30, { caller: "+14155550001" }), "Long");
    expect((await runRow(runId)).status).toBe("queued");

    const { result, ctx, state } = await engineFor(runId).execute();
    expect(result).toEqual({ status: "succeeded" });

    // The condition and the action on the taken branch are durable steps named by node id; nothing else is.
    expect(stepIdsOf(ctx.step.run)).toEqual([claimStepId, "long", "sms"]);
    expect(stepIdsOf(ctx.step.sleep)).toEqual([]);
    await expect(state[hashed("long")]).resolves.toEqual({ passed: true, observed: 30 });
    expect(Object.keys(state).sort()).toEqual([hashed(claimStepId), hashed("long"), hashed("sms")].sort());

    const steps = await stepsOf(runId);
    expect(Object.keys(steps).sort()).toEqual(["long", "mail", "sms", "t"]);
    expect(steps.t).toMatchObject({ status: "succeeded", nodeKind: "trigger" });
    expect(steps.long).toMatchObject({ status: "succeeded", branch: "true", nodeKind: "condition.call_duration" });
    expect(steps.sms).toMatchObject({ status: "succeeded", branch: null, error: null, attempt: 1 });
    expect(steps.sms!.attempts).toEqual([
      expect.objectContaining({ attempt: 1, outcome: "succeeded", request: { to: "+14155550001", from: expect.any(String) } }),
    ]);
    expect(steps.long!.attempts).toEqual([]); // a condition has no attempts
    expect(steps.mail).toMatchObject({ status: "skipped" });

    const outbox = await outboxOf(organization.id);
    expect(outbox.map((message) => [message.channel, message.to, message.body])).toEqual([
      ["sms", "+14155550001", "Thanks for your 30s call!"],
    ]);

    const run = await runRow(runId);
    expect(run.status).toBe("succeeded");
    expect(run.error).toBeNull();
    expect(run.startedAt).not.toBeNull();
    expect(run.finishedAt).not.toBeNull();
  });

  it("walks a short call down the No branch: the email is sent, the SMS step never runs", async () => {
    const { organization, user, runId } = await runFor(branchesGraph, completedCall(5, { caller: "+14155550002" }), "Short");

    const { result, ctx, state } = await engineFor(runId).execute();
    expect(result).toEqual({ status: "succeeded" });
    expect(stepIdsOf(ctx.step.run)).toEqual([claimStepId, "long", "mail"]);
    await expect(state[hashed("long")]).resolves.toEqual({ passed: false, observed: 5 });

    const steps = await stepsOf(runId);
    expect(steps.long).toMatchObject({ status: "succeeded", branch: "false" });
    expect(steps.sms).toMatchObject({ status: "skipped" });
    expect(steps.mail).toMatchObject({ status: "succeeded" });

    const outbox = await outboxOf(organization.id);
    expect(outbox.filter((message) => message.channel === "sms")).toEqual([]);
    const mails = outbox.filter((message) => message.channel === "email");
    expect(mails.map((message) => [message.to, message.subject])).toEqual([[user.email, "Short call from +14155550002"]]);
    expect((await runRow(runId)).status).toBe("succeeded");
  });

  it("replays memoized steps without repeating their side effects", async () => {
    const { organization, runId } = await runFor(branchesGraph, completedCall(45, { caller: "+14155550003" }), "Replay");
    const first = await engineFor(runId).execute();
    const longOutcome = await first.state[hashed("long")];
    const smsOutput = await first.state[hashed("sms")];

    // Inngest re-invokes the function with both steps memoized (e.g. a redelivered request).
    const handlersRan: string[] = [];
    const { result, ctx } = await engineFor(runId, [
      { id: "long", handler: () => (handlersRan.push("long"), longOutcome) },
      { id: "sms", handler: () => (handlersRan.push("sms"), smsOutput) },
    ]).execute();
    expect(result).toEqual({ status: "succeeded" });
    expect(stepIdsOf(ctx.step.run)).toEqual([claimStepId, "long", "sms"]);
    expect(handlersRan.sort()).toEqual(["long", "sms"]);
    expect((await outboxOf(organization.id)).filter((message) => message.channel === "sms")).toHaveLength(1);
    expect((await stepsOf(runId)).sms).toMatchObject({ status: "succeeded" });
    expect((await stepsOf(runId)).sms!.attempts.map((attempt) => attempt.outcome)).toEqual(["succeeded"]);
  });

  it("turns a delay node into step.sleep keyed by the node id, and continues after it", async () => {
    const graph = graphOf(
      [
        trigger("t", "call.missed"),
        node("sms", "action.send_sms", { body: "Sorry we missed you" }),
        node("wait", "action.delay", { amount: 1, unit: "hours" }),
        node("mail", "action.send_email", { to: "me", subject: "Follow up", body: "Did they call back?" }),
      ],
      [edge("t", "sms"), edge("sms", "wait"), edge("wait", "mail")],
    );
    const { organization, runId } = await runFor(graph, completedCall(0, { caller: "+14155550004" }), "Delay");

    const paused = await engineFor(runId).executeStep("wait");
    expect(paused.step).toMatchObject({ id: hashed("wait"), op: StepOpCode.Sleep, name: "1h", userland: { id: "wait" } });
    expect((paused.ctx.step.sleep as unknown as SpyCalls).mock.calls).toEqual([["wait", "1h"]]);

    // Asleep: the SMS went out, the email did not, and the run is not finished.
    let outbox = await outboxOf(organization.id);
    expect(outbox.map((message) => message.channel)).toEqual(["sms"]);
    let run = await runRow(runId);
    // Shown as waiting, with its wake time, while Inngest holds the sleep.
    expect(run.status).toBe("waiting");
    expect(run.wakeAt).not.toBeNull();
    expect(run.finishedAt).toBeNull();
    let steps = await stepsOf(runId);
    expect(steps.sms).toMatchObject({ status: "succeeded" });
    // The delay's step is on the record while it sleeps, with the run's wake time, as on the embedded executor.
    const parkedUntil = run.wakeAt;
    expect(steps.wait).toMatchObject({ status: "sleeping", wakeAt: parkedUntil, finishedAt: null, attempt: 0 });

    // Inngest wakes the run: the SMS step is memoized and the sleep is complete.
    const smsOutput = await paused.state[hashed("sms")];
    const parking = await paused.state[hashed(parkStepId("wait"))];
    expect(parking).toEqual({ until: parkedUntil!.toISOString(), inherited: false });
    const { result, ctx } = await engineFor(runId, [
      { id: "sms", handler: () => smsOutput },
      { id: parkStepId("wait"), handler: () => parking },
      { id: "wait", handler: () => null },
    ]).execute();
    expect(result).toEqual({ status: "succeeded" });
    expect(stepIdsOf(ctx.step.run)).toEqual([claimStepId, "sms", parkStepId("wait"), "mail"]);
    expect(stepIdsOf(ctx.step.sleep)).toEqual(["wait"]);

    outbox = await outboxOf(organization.id);
    expect(outbox.map((message) => message.channel).sort()).toEqual(["email", "sms"]);
    run = await runRow(runId);
    expect(run.status).toBe("succeeded");
    steps = await stepsOf(runId);
    expect(steps.wait).toMatchObject({ status: "succeeded", input: { duration: "1h" }, wakeAt: parkedUntil });
    expect(steps.wait!.finishedAt).not.toBeNull();
    expect(steps.mail).toMatchObject({ status: "succeeded" });
  });

  describe("webhook failures", () => {
    let receiver: WebhookReceiver;
    let status = 200;
    beforeAll(async () => {
      receiver = await startWebhookReceiver({
        respondWith: () => ({
          status,
          body: status === 410 ? "gone" : "oops",
          ...(status === 429 ? { headers: { "retry-after": "30" } } : {}),
        }),
      });
    });
    afterAll(async () => {
      await receiver?.close();
    });

    const hookGraph = () =>
      graphOf(
        [
          trigger("t", "call.missed"),
          node("hook", "action.webhook", { urls: [`${receiver.url}/crm`], headers: [] }),
          node("after", "action.tag_call", { tags: ["after"] }),
        ],
        [edge("t", "hook"), edge("hook", "after")],
      );

    it("makes a receiver's 410 a NonRetriableError from the step, then records the run as failed with the reason", async () => {
      status = 410;
      receiver.requests.length = 0;
      const { runId } = await runFor(hookGraph(), completedCall(0, { caller: "+14155550005" }), "Gone");

      const attempt = await engineFor(runId).executeStep("hook");
      // StepFailed is the final op: Inngest will not retry it. The error is serialized as Inngest sends it.
      expect(attempt.step.op).toBe(StepOpCode.StepFailed);
      expect(attempt.error).toMatchObject({
        name: "NonRetriableError",
        message: `${receiver.url}/crm answered 410`,
        cause: { code: "webhook_rejected", error: { name: "PermanentStepError", message: `${receiver.url}/crm answered 410` } },
      });
      expect(receiver.requests).toHaveLength(1);

      // Inngest hands the failed step back to the function, which records it and finishes the run.
      const { result, ctx } = await new InngestTestEngine({
        function: withMemoizedSteps(runWorkflowFunction(), { [claimStepId]: { data: { claimed: true } }, hook: { error: attempt.error } }),
        events: [requestOf(runId)],
      }).execute();
      expect(result).toEqual({ status: "failed" });
      expect(stepIdsOf(ctx.step.run)).toEqual([claimStepId, "hook"]);
      const steps = await stepsOf(runId);
      expect(steps.hook!.status).toBe("failed");
      // The code survives Inngest's StepError (a memoised, serialised NonRetriableError): the run page's hint depends on it.
      expect(steps.hook!.error).toMatchObject({ message: `${receiver.url}/crm answered 410`, code: "webhook_rejected" });
      expect(steps.after!.status).toBe("skipped");
      const run = await runRow(runId);
      expect(run.status).toBe("failed");
      expect(run.error).toContain("410");
      expect(receiver.requests).toHaveLength(1); // no second delivery
    });

    it("makes a receiver's 500 a retriable step error and leaves the run open for Inngest's retry", async () => {
      status = 500;
      receiver.requests.length = 0;
      const { runId } = await runFor(hookGraph(), completedCall(0, { caller: "+14155550006" }), "Flaky");

      const attempt = await engineFor(runId).executeStep("hook");
      // StepError (not StepFailed) is the retriable op; the error is the provider's own, not a NonRetriableError.
      expect(attempt.step.op).toBe(StepOpCode.StepError);
      expect(attempt.error).toMatchObject({ name: "TransientWebhookError", message: `${receiver.url}/crm answered 500` });
      expect(receiver.requests).toHaveLength(1);

      // Nothing is decided yet, but the attempt is on the record: the 500, and that Inngest will try again.
      const steps = await stepsOf(runId);
      expect(steps.hook).toMatchObject({ status: "running", attempt: 1, memo: null });
      expect(steps.hook!.attempts).toHaveLength(1);
      expect(steps.hook!.attempts[0]).toMatchObject({ attempt: 1, outcome: "failed", willRetry: true, retryAt: null });
      expect(steps.hook!.attempts[0]!.deliveries![0]!.response).toMatchObject({ status: 500, body: "oops" });
      expect(steps.t).toMatchObject({ status: "succeeded" });
      expect((await runRow(runId)).status).toBe("running");

      // The retry reaches a healthy receiver: the step succeeds and so does the run.
      status = 200;
      const { result } = await engineFor(runId, []).execute();
      expect(result).toEqual({ status: "succeeded" });
      const hook = (await stepsOf(runId)).hook!;
      expect(hook).toMatchObject({ status: "succeeded", attempt: 2 });
      expect(hook.attempts.map((attempt) => [attempt.attempt, attempt.outcome, attempt.deliveries?.[0]?.response?.status])).toEqual([
        [1, "failed", 500],
        [2, "succeeded", 200],
      ]);
      expect(receiver.requests).toHaveLength(2);
      expect(new Set(receiver.requests.map((request) => request.headers["webhook-id"])).size).toBe(1);
    });

    it("turns a receiver's 429 with Retry-After into a RetryAfterError, so Inngest waits as long as it asked", async () => {
      status = 429;
      receiver.requests.length = 0;
      const { runId } = await runFor(hookGraph(), completedCall(0, { caller: "+14155550011" }), "Busy");

      const attempt = await engineFor(runId).executeStep("hook");
      expect(attempt.step.op).toBe(StepOpCode.StepError); // retriable, after the wait
      expect(attempt.error).toMatchObject({ name: "RetryAfterError", message: `${receiver.url}/crm answered 429` });
      const serialized = attempt.error as { retryAfter?: string; cause?: { name?: string } };
      expect(serialized.cause).toMatchObject({ name: "TransientWebhookError" });
      expect(receiver.requests).toHaveLength(1);
      // Inngest waits as long as the receiver asked, so the attempt can say when the next one is due.
      const [first] = (await stepsOf(runId)).hook!.attempts;
      expect(first).toMatchObject({ outcome: "failed", willRetry: true, retryAt: expect.any(String) });
      expect(Date.parse(first!.retryAt!) - Date.parse(first!.finishedAt!)).toBe(30_000);
    });

    it("records a refused webhook's only attempt, and says Inngest's last attempt is not retried", async () => {
      status = 410;
      const { runId: refusedRunId } = await runFor(hookGraph(), completedCall(0, { caller: "+14155550008" }), "Refused");
      await engineFor(refusedRunId).executeStep("hook");
      expect((await stepsOf(refusedRunId)).hook!.attempts).toEqual([
        expect.objectContaining({ attempt: 1, outcome: "failed", willRetry: false, error: expect.objectContaining({ permanent: true }) }),
      ]);

      status = 500;
      const { runId } = await runFor(hookGraph(), completedCall(0, { caller: "+14155550009" }), "Last try");
      const lastTry = withExecutionOptions(runWorkflowFunction(), (options) => ({
        ...options,
        data: { ...(options.data as object), attempt: runWorkflowRetries },
      }));
      const attempt = await new InngestTestEngine({
        function: lastTry,
        events: [requestOf(runId)],
      }).executeStep("hook");
      expect(attempt.step.op).toBe(StepOpCode.StepError);
      expect((await stepsOf(runId)).hook!.attempts).toEqual([expect.objectContaining({ attempt: 1, outcome: "failed", willRetry: false })]);
    });

    it("marks an attempt a stopped worker left in flight as interrupted, and numbers the next one 2", async () => {
      status = 200;
      receiver.requests.length = 0;
      const { runId } = await runFor(hookGraph(), completedCall(0, { caller: "+14155550010" }), "Stopped");
      // A worker starts the webhook's attempt and is never heard from again.
      const stopped = createInngestAttemptLog({
        db: handle.db,
        runId,
        nodeKinds: new Map([["hook", "action.webhook"]]),
        inngestAttempt: 0,
        maxAttempts: runWorkflowRetries + 1,
      });
      void stopped.attempt("hook", () => new Promise(() => {}));
      await expect.poll(async () => (await stepsOf(runId)).hook?.attempts.map((attempt) => attempt.outcome)).toEqual(["in_flight"]);

      const { result } = await engineFor(runId).execute();
      expect(result).toEqual({ status: "succeeded" });
      const hook = (await stepsOf(runId)).hook!;
      expect(hook.attempts.map((attempt) => [attempt.attempt, attempt.outcome])).toEqual([
        [1, "interrupted"],
        [2, "succeeded"],
      ]);
      expect(hook.attempts[0]!.error).toEqual({ name: "Interrupted", message: interruptedAttemptMessage });
      expect(receiver.requests).toHaveLength(1);
    });
  });

  it("records each node once: a delay resumed later keeps the earlier steps' finish times and never parks the run again", async () => {
    const graph = graphOf(
      [
        trigger("t", "call.missed"),
        node("sms", "action.send_sms", { body: "Sorry we missed you" }),
        node("wait", "action.delay", { amount: 1, unit: "hours" }),
        node("mail", "action.send_email", { to: "me", subject: "Follow up", body: "Did they call back?" }),
        node("tag", "action.tag_call", { tags: ["followed-up"] }),
      ],
      [edge("t", "sms"), edge("sms", "wait"), edge("wait", "mail"), edge("mail", "tag")],
    );
    const { runId } = await runFor(graph, completedCall(0, { caller: "+14155550012" }), "Clocked");
    let clock = new Date("2026-03-02T10:00:00Z");
    const clockedEngine = (steps?: InngestTestEngine.MockedStep[]) =>
      new InngestTestEngine({
        function: createRunWorkflowFunction(inngest, async () => ({ ...deps(), now: () => clock })),
        events: [requestOf(runId)],
        ...(steps ? { steps: [claimedEarlier, ...steps] } : {}),
      });

    const paused = await clockedEngine().executeStep("wait");
    const parkedRun = await runRow(runId);
    expect(parkedRun).toMatchObject({ status: "waiting", wakeAt: new Date("2026-03-02T11:00:00Z") });
    const before = await stepsOf(runId);
    expect(before.t!.finishedAt).toEqual(clock);
    const smsOutput = await paused.state[hashed("sms")];

    // Woken an hour later, the run sends the email; Inngest then calls it again for the tag step.
    clock = new Date("2026-03-02T11:00:05Z");
    const awake = [
      { id: "sms", handler: () => smsOutput },
      { id: parkStepId("wait"), handler: () => null },
    ];
    const woken = await clockedEngine([...awake, { id: "wait", handler: () => null }]).executeStep("mail");
    const mailOutput = await woken.state[hashed("mail")];
    expect((await runRow(runId)).status).toBe("running");

    clock = new Date("2026-03-02T11:00:09Z");
    const statusAtSleep: string[] = [];
    const { result } = await clockedEngine([
      ...awake,
      { id: "wait", handler: async () => (statusAtSleep.push((await runRow(runId)).status), null) },
      { id: "mail", handler: () => mailOutput },
    ]).execute();
    expect(result).toEqual({ status: "succeeded" });
    expect(statusAtSleep).toEqual(["running"]); // not parked again on the way past the finished delay

    const after = await stepsOf(runId);
    expect(after.t!.finishedAt).toEqual(before.t!.finishedAt);
    expect(after.sms!.finishedAt).toEqual(before.sms!.finishedAt);
    expect(after.wait!.finishedAt).toEqual(new Date("2026-03-02T11:00:05Z"));
    // A step's outcome reaches the handler only in Inngest's next call; its finish time is when it ran.
    expect(after.mail!.finishedAt).toEqual(new Date("2026-03-02T11:00:05Z"));
    expect(after.mail!.attempts.map((attempt) => attempt.finishedAt)).toEqual(["2026-03-02T11:00:05.000Z"]);
    expect(after.tag!.finishedAt).toEqual(new Date("2026-03-02T11:00:09Z"));
    expect(await runRow(runId)).toMatchObject({ status: "succeeded", wakeAt: null });
  });

  it("never runs a finished step twice across Inngest runs: a takeover and the resumed first run reuse its recorded outcome", async () => {
    const graph = graphOf(
      [
        trigger("t", "call.missed"),
        node("sms", "action.send_sms", { body: "Sorry we missed you" }),
        node("mail", "action.send_email", { to: "me", subject: "Missed call", body: "Call back?" }),
      ],
      [edge("t", "sms"), edge("sms", "mail")],
    );
    const { organization, runId } = await runFor(graph, completedCall(0, { caller: "+14155550014" }), "Takeover");

    // The first Inngest run sends the text, then is not heard from (its worker stalls).
    await engineFor(runId).executeStep("sms");
    const { memo } = (await stepsOf(runId)).sms!;
    expect(memo).toMatchObject({ ok: true, value: { to: "+14155550014" } });
    const firstSmsOutput = (memo as { value: unknown }).value;

    // A second Inngest run takes the stalled run over (its claim won) and walks it with no memo of its own.
    const takeover = await engineFor(runId, []).execute();
    expect(takeover.result).toEqual({ status: "succeeded" });
    await expect(takeover.state[hashed("sms")]).resolves.toEqual(firstSmsOutput);

    // The first run resumes: the email the takeover sent is not sent again either.
    const resumed = await engineFor(runId, [{ id: "sms", handler: () => firstSmsOutput }]).execute();
    expect(resumed.result).toEqual({ status: "succeeded" });
    await expect(resumed.state[hashed("mail")]).resolves.toEqual(await takeover.state[hashed("mail")]);

    const outbox = await outboxOf(organization.id);
    expect(outbox.map((message) => message.channel).sort()).toEqual(["email", "sms"]);
    const steps = await stepsOf(runId);
    expect(steps.sms!.attempts.map((attempt) => attempt.outcome)).toEqual(["succeeded"]);
    expect(steps.mail!.attempts.map((attempt) => attempt.outcome)).toEqual(["succeeded"]);
  });

  it("reuses a permanent failure recorded by an earlier Inngest run, with its name and code, without trying again", async () => {
    const graph = graphOf(
      [trigger("t", "call.missed"), node("sms", "action.send_sms", { body: "Sorry we missed you" })],
      [edge("t", "sms")],
    );
    const { organization, runId } = await runFor(graph, completedCall(0, { caller: "not-a-number" }), "Takeover failed");
    const first = await engineFor(runId).executeStep("sms");
    expect(first.step.op).toBe(StepOpCode.StepFailed);
    const outboxBefore = await outboxOf(organization.id);
    const recorded = (await stepsOf(runId)).sms!;
    expect(recorded.memo).toMatchObject({ ok: false });
    expect(recorded.finishedAt).not.toBeNull();

    const takeover = await new InngestTestEngine({
      function: withMemoizedSteps(runWorkflowFunction(), { [claimStepId]: { data: { claimed: true } } }),
      events: [requestOf(runId)],
    }).executeStep("sms");
    expect(takeover.step.op).toBe(StepOpCode.StepFailed);
    expect(takeover.error).toMatchObject({ cause: { error: (recorded.memo as { error: { name: string } }).error } });
    const steps = await stepsOf(runId);
    expect(steps.sms!.attempts).toHaveLength(1);
    expect(await outboxOf(organization.id)).toEqual(outboxBefore);
  });

  it("does not walk a finished run again when a duplicate request arrives", async () => {
    const { organization, runId } = await runFor(branchesGraph, completedCall(40, { caller: "+14155550013" }), "Twice");
    expect((await engineFor(runId).execute()).result).toEqual({ status: "succeeded" });
    const finished = await runRow(runId);

    // A new Inngest run for the same workflow run (Inngest forgets event ids after 24 hours).
    const { result, ctx } = await engineFor(runId).execute();
    expect(result).toEqual({ status: "succeeded", alreadyHandled: true });
    expect(stepIdsOf(ctx.step.run)).toEqual([claimStepId]);
    expect((await outboxOf(organization.id)).filter((message) => message.channel === "sms")).toHaveLength(1);
    expect(await runRow(runId)).toEqual(finished);
  });

  it("rejects an unknown run id without retrying", async () => {
    const { error } = (await engineFor("run_does_not_exist").execute()) as { error?: unknown };
    expect(error).toMatchObject({ name: "NonRetriableError", message: "Run run_does_not_exist does not exist" });
  });

  it("onFailure marks the run failed with Inngest's error", async () => {
    const { runId } = await runFor(branchesGraph, completedCall(30, { caller: "+14155550007" }), "Failure");
    // @inngest/test always executes the main handler; Inngest picks the failure handler with
    // `handlerKind: "failure"`, so the engine is given the function with that one option set.
    const failureHandler = withExecutionOptions(runWorkflowFunction(), (options) => ({ ...options, handlerKind: "failure" }));

    const engine = new InngestTestEngine({
      function: failureHandler,
      events: [
        {
          name: "inngest/function.failed",
          data: {
            function_id: "switchboard-test-run-workflow",
            run_id: "01JTESTRUN",
            error: { name: "Error", message: "Database went away after 4 attempts" },
            event: requestOf(runId),
          },
        },
      ],
    });
    const { error } = (await engine.execute()) as { error?: unknown };
    expect(error).toBeUndefined();

    const run = await runRow(runId);
    expect(run.status).toBe("failed");
    expect(run.error).toBe("Database went away after 4 attempts");
    expect(run.finishedAt).not.toBeNull();
    expect(await stepsOf(runId)).toEqual({}); // the main handler never ran
  });
});
