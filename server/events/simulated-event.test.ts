import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calls, events, trackingNumbers } from "@/db/schema";
import { edge, graphOf, node, trigger } from "@/engine/test-support/graph-builder";
import { createExecutionProviders } from "@/server/execution/create-providers";
import { createEmbeddedExecutor } from "@/server/execution/embedded/embedded-executor";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createLiveWorkflow } from "@/test-support/workflows";
import { countPriorCalls } from "./caller-history";
import { fictionalCallerNumber } from "./simulated-event";

const handle = setupTestDatabase();
const config = testConfig();
const fictional = /^\+141555501\d\d$/;

/** Runs workflows only when asked (`withExecutor`); otherwise events are stored and nothing runs. */
async function setup({ withExecutor = false } = {}) {
  const { user, organization } = await createUserWithOrg(handle.db, config, "Simulator");
  const executor = createEmbeddedExecutor(
    { db: handle.db, providers: createExecutionProviders(config, handle.db), encryptionKey: config.encryptionKey },
    { wait: async () => {} },
  );
  const caller = callerFor(handle.db, config, user, organization.id, withExecutor ? executor : undefined);
  return { user, organization, executor, caller };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`Expected a TRPCError, got ${String(error)}`);
  const fieldErrors = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)?.issues ?? [];
  return { code: error.code, fields: Object.fromEntries(fieldErrors.map((issue) => [String(issue.path[0]), issue.message])) };
}

describe("Simulate a call", () => {
  it("lists a simulated call on Calls like a real one, marked simulated, with the run it started", async () => {
    const { user, organization, executor, caller } = await setup({ withExecutor: true });
    await handle.db.insert(trackingNumbers).values({
      organizationId: organization.id,
      phoneNumber: "+14155550100",
      label: "Spring mailer",
      businessNumber: "+15105550111",
    });
    const textBack = graphOf(
      [trigger("t", "call.missed"), node("sms", "action.send_sms", { body: "Sorry we missed you" })],
      [edge("t", "sms")],
    );
    await createLiveWorkflow(handle.db, organization.id, textBack, "Text back", user.id);

    const result = await caller.event.simulate({
      type: "call.missed",
      callerName: "Grace",
      trackingNumber: "(415) 555-0100",
      source: "Google Ads",
      answered: false,
      durationSeconds: 0,
    });
    await executor.idle();

    expect(result.callerNumber).toMatch(fictional);
    const { calls: listed } = await caller.calls.list({});
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: result.callId,
      simulated: true,
      callerNumber: result.callerNumber,
      callerName: "Grace",
      trackingNumber: "+14155550100",
      trackingNumberLabel: "Spring mailer",
      source: "Google Ads",
      outcome: "missed",
      durationSeconds: 0,
      runsCount: 1,
    });
    const detail = await caller.calls.get({ callId: result.callId! });
    expect(detail.call.simulated).toBe(true);
    expect(detail.events).toMatchObject([{ id: result.eventId, type: "call.missed", source: "simulator" }]);
    expect(detail.runs).toMatchObject([{ workflowName: "Text back", status: "succeeded" }]);
    // The event the workflows read points at the listed call.
    expect((detail.events[0]!.payload as { call: { id: string } }).call.id).toBe(result.callId);
  });

  it("uses a new made-up number for every call unless the last one is reused or one is typed", async () => {
    const { caller } = await setup();
    const first = await caller.event.simulate({ type: "call.missed" });
    const second = await caller.event.simulate({ type: "call.missed" });
    const reused = await caller.event.simulate({ type: "call.missed", reuseLastNumber: true });
    const typed = await caller.event.simulate({ type: "call.missed", callerNumber: "(650) 555-0142" });
    const afterTyped = await caller.event.simulate({ type: "call.missed", reuseLastNumber: true });

    expect(first.callerNumber).toMatch(fictional);
    expect(second.callerNumber).toMatch(fictional);
    expect(second.callerNumber).not.toBe(first.callerNumber);
    expect(reused.callerNumber).toBe(second.callerNumber);
    expect(typed.callerNumber).toBe("+16505550142");
    expect(afterTyped.callerNumber).toBe("+16505550142");
    // Each one is a call of its own on Calls, from the number it used.
    expect((await caller.calls.list({})).calls.map((call) => call.callerNumber).sort()).toEqual(
      [first, second, reused, typed, afterTyped].map((call) => call.callerNumber).sort(),
    );
  });

  it("never picks the number it is told to avoid, and only 555-0101…0199 ones", () => {
    const always = (value: number) => () => value;
    expect(fictionalCallerNumber(null, always(0))).toBe("+14155550101");
    expect(fictionalCallerNumber(null, always(0.9999))).toBe("+14155550199");
    let calls = 0;
    const firstTheSameThenAnother = () => (calls++ === 0 ? 0 : 0.5);
    expect(fictionalCallerNumber("+14155550101", firstTheSameThenAnother)).toBe("+14155550150");
  });

  it("refuses a number that is not a phone number and a duration that is not whole seconds, firing nothing", async () => {
    const { organization, caller } = await setup();
    expect(await refusal(caller.event.simulate({ type: "call.missed", callerNumber: "555-12" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { callerNumber: expect.stringContaining("Type it as +1 415 555 0142") },
    });
    expect(await refusal(caller.event.simulate({ type: "call.missed", trackingNumber: "call me" }))).toMatchObject({
      fields: { trackingNumber: expect.stringContaining("isn't a phone number") },
    });
    expect(await refusal(caller.event.simulate({ type: "call.answered", durationSeconds: 12.5 }))).toMatchObject({
      fields: { durationSeconds: "Enter the duration as a whole number of seconds, such as 45" },
    });
    expect(await refusal(caller.event.simulate({ type: "call.answered", durationSeconds: -1 }))).toMatchObject({
      fields: { durationSeconds: "The duration cannot be negative" },
    });
    expect(await handle.db.select().from(events).where(eq(events.organizationId, organization.id))).toEqual([]);
    expect(await handle.db.select().from(calls).where(eq(calls.organizationId, organization.id))).toEqual([]);
  });

  it("keeps simulated calls out of a real caller's history", async () => {
    const { organization, caller } = await setup();
    await caller.event.simulate({ type: "call.missed", callerNumber: "+16505550177" });
    expect(
      await countPriorCalls(handle.db, {
        organizationId: organization.id,
        callerNumber: "+16505550177",
        before: new Date(Date.now() + 60_000),
      }),
    ).toBe(0);
  });

  it("stores no call for a simulated text, which still runs workflows", async () => {
    const { organization, caller } = await setup();
    const result = await caller.event.simulate({ type: "sms.received", messageBody: "Open on Saturday?" });
    expect(result.callId).toBeNull();
    expect(result.callerNumber).toMatch(fictional);
    expect(await handle.db.select().from(calls).where(eq(calls.organizationId, organization.id))).toEqual([]);
  });
});
