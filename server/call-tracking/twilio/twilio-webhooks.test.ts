import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { calls, events, trackingNumbers } from "@/db/schema";
import { workflowEventSchema } from "@/engine";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { PUBLIC_APP_URL, TEST_ACCOUNT_SID, parseXml, twilioDeps, twilioRequest } from "@/test-support/call-tracking";
import { isOptedOut } from "@/server/sms/sms-opt-outs";
import { handleTwilioDialAction } from "./dial-action-webhook";
import { handleTwilioSms } from "./sms-webhook";
import { handleTwilioStatus } from "./status-webhook";
import { handleTwilioVoice } from "./voice-webhook";

const handle = setupTestDatabase();
const config = testConfig();

let numberCounter = 100;
/** An organization with one tracking number (a fresh number each time) forwarding to a business number. */
async function orgWithNumber(db: Database, overrides: { source?: string | null; label?: string } = {}) {
  const { organization } = await createUserWithOrg(db, config, "Tracker");
  numberCounter += 1;
  const [number] = await db
    .insert(trackingNumbers)
    .values({
      organizationId: organization.id,
      phoneNumber: `+1415555${String(numberCounter).padStart(4, "0")}`,
      label: overrides.label ?? "Spring mailer",
      source: overrides.source === undefined ? "Google Ads" : overrides.source,
      businessNumber: "+15105550111",
    })
    .returning();
  return { organization, number: number! };
}

let sidCounter = 0;
function newCallSid() {
  sidCounter += 1;
  return `CA${String(sidCounter).padStart(32, "0")}`;
}

/** The `<Number>` inside the `<Dial>` of a voice answer. */
function dial(xml: string) {
  return parseXml(xml).children[0]!.children[0]!;
}

function incoming(callSid: string, to: string, from = "+16505550142", extra: Record<string, string> = {}) {
  return {
    AccountSid: TEST_ACCOUNT_SID,
    CallSid: callSid,
    From: from,
    To: to,
    Called: to,
    Caller: from,
    CallStatus: "ringing",
    Direction: "inbound",
    CallerName: "JANE DOE",
    FromCity: "OAKLAND",
    FromState: "CA",
    FromCountry: "US",
    ...extra,
  };
}

async function eventsFor(db: Database, organizationId: string) {
  const rows = await db
    .select()
    .from(events)
    .where(eq(events.organizationId, organizationId))
    .orderBy(asc(events.receivedAt), asc(events.id));
  return rows.map((row) => ({ ...row, event: workflowEventSchema.parse(row.payload) }));
}

async function callRow(db: Database, organizationId: string, callSid: string) {
  const [row] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.organizationId, organizationId), eq(calls.externalId, callSid)));
  return row;
}

describe("Twilio voice webhooks", () => {
  it("follow a call from ringing to answered: calls row, three events, TwiML that forwards to the business number", async () => {
    const { organization, number } = await orgWithNumber(handle.db);
    const deps = twilioDeps(handle.db);
    const sid = newCallSid();

    const voice = await handleTwilioVoice(twilioRequest("/api/twilio/voice", incoming(sid, number.phoneNumber)), deps);
    expect(voice.status).toBe(200);
    expect(voice.headers.get("content-type")).toContain("text/xml");
    const twiml = parseXml(await voice.text());
    expect(twiml.name).toBe("Response");
    const dial = twiml.children[0]!;
    expect(dial).toMatchObject({
      name: "Dial",
      attributes: { answerOnBridge: "true", action: `${PUBLIC_APP_URL}/api/twilio/dial-action`, method: "POST" },
    });
    expect(dial.children).toHaveLength(1);
    expect(dial.children[0]).toMatchObject({
      name: "Number",
      text: "+15105550111",
      attributes: {
        statusCallback: `${PUBLIC_APP_URL}/api/twilio/status?tracking_number=${encodeURIComponent(number.phoneNumber)}`,
        statusCallbackMethod: "POST",
      },
    });

    const dialAction = await handleTwilioDialAction(
      twilioRequest("/api/twilio/dial-action", {
        ...incoming(sid, number.phoneNumber),
        CallStatus: "in-progress",
        DialCallStatus: "completed",
        DialCallSid: "CA-child",
        DialCallDuration: "184",
      }),
      deps,
    );
    expect(dialAction.status).toBe(200);
    expect(parseXml(await dialAction.text()).children.map((child) => child.name)).toEqual(["Hangup"]);

    const status = await handleTwilioStatus(
      twilioRequest("/api/twilio/status", {
        ...incoming(sid, number.phoneNumber),
        CallStatus: "completed",
        CallDuration: "190",
        RecordingUrl: "https://api.twilio.com/recordings/RE1",
        SequenceNumber: "0",
        Timestamp: "Sat, 21 Nov 2026 15:04:05 +0000",
      }),
      deps,
    );
    expect(status.status).toBe(204);

    const row = await callRow(handle.db, organization.id, sid);
    expect(row).toMatchObject({
      direction: "inbound",
      callerNumber: "+16505550142",
      callerName: "JANE DOE",
      callerCity: "OAKLAND",
      callerState: "CA",
      trackingNumber: number.phoneNumber,
      source: "Google Ads",
      status: "answered",
      answered: true,
      durationSeconds: 190,
      recordingUrl: "https://api.twilio.com/recordings/RE1",
    });
    expect(row!.endedAt?.toISOString()).toBe("2026-11-21T15:04:05.000Z");

    const recorded = await eventsFor(handle.db, organization.id);
    expect(recorded.map((item) => [item.type, item.idempotencyKey, item.source, item.callId])).toEqual([
      ["call.started", `${sid}:started`, "twilio", row!.id],
      ["call.routed", `${sid}:routed`, "twilio", row!.id],
      ["call.completed", `${sid}:completed`, "twilio", row!.id],
    ]);
    expect(deps.executor.dispatched).toEqual(recorded.map((item) => item.id));

    const [started, routed, completed] = recorded.map((item) => item.event);
    expect(started).toMatchObject({
      organization: { id: organization.id, name: organization.name },
      call: { id: row!.id, external_id: sid, status: "ringing", answered: false, direction: "inbound" },
      caller: {
        phone_number: "+16505550142",
        name: "JANE DOE",
        city: "OAKLAND",
        state: "CA",
        country: "US",
        first_call: true,
        prior_calls: 0,
      },
      tracking_number: { phone_number: number.phoneNumber, label: "Spring mailer", business_phone_number: "+15105550111" },
      attribution: { source: "Google Ads" },
    });
    expect(routed).toMatchObject({
      type: "call.routed",
      call: { status: "answered", answered: true },
      routing: { destination_phone_number: "+15105550111" },
    });
    expect(completed).toMatchObject({
      type: "call.completed",
      call: {
        status: "answered",
        answered: true,
        duration_seconds: 190,
        recording_url: "https://api.twilio.com/recordings/RE1",
        ended_at: "2026-11-21T15:04:05.000Z",
      },
    });
  });

  it("count an unanswered forward as missed, from the dial action or from the forwarded leg", async () => {
    const { organization, number } = await orgWithNumber(handle.db);
    const deps = twilioDeps(handle.db);

    // Dial action says no-answer; the caller's own leg then reports "completed": the dial outcome wins.
    const first = newCallSid();
    await handleTwilioVoice(twilioRequest("/api/twilio/voice", incoming(first, number.phoneNumber)), deps);
    await handleTwilioDialAction(
      twilioRequest("/api/twilio/dial-action", { ...incoming(first, number.phoneNumber), DialCallStatus: "no-answer" }),
      deps,
    );
    await handleTwilioStatus(
      twilioRequest("/api/twilio/status", { ...incoming(first, number.phoneNumber), CallStatus: "completed", CallDuration: "25" }),
      deps,
    );
    expect(await callRow(handle.db, organization.id, first)).toMatchObject({ status: "no_answer", answered: false, durationSeconds: 25 });

    // Only the forwarded leg's callback (to the business number, with ParentCallSid) arrives: busy.
    const second = newCallSid();
    await handleTwilioVoice(twilioRequest("/api/twilio/voice", incoming(second, number.phoneNumber)), deps);
    await handleTwilioStatus(
      twilioRequest("/api/twilio/status", {
        ...incoming("CA-child-leg", "+15105550111"),
        ParentCallSid: second,
        CallStatus: "busy",
        CallDuration: "0",
      }),
      deps,
    );
    const completed = (await eventsFor(handle.db, organization.id)).filter((item) => item.type === "call.completed");
    expect(
      completed.map(
        (item) => item.event.type === "call.completed" && [item.event.call.external_id, item.event.call.status, item.event.call.answered],
      ),
    ).toEqual([
      [first, "no_answer", false],
      [second, "busy", false],
    ]);
  });

  it("store one event per stage when callbacks are duplicated or arrive out of order", async () => {
    const { organization, number } = await orgWithNumber(handle.db);
    const deps = twilioDeps(handle.db);
    const sid = newCallSid();
    const voiceParams = incoming(sid, number.phoneNumber);
    const final = { ...voiceParams, CallStatus: "completed", CallDuration: "42" };

    await handleTwilioVoice(twilioRequest("/api/twilio/voice", voiceParams), deps);
    const retried = await handleTwilioVoice(twilioRequest("/api/twilio/voice", voiceParams), deps);
    expect(parseXml(await retried.clone().text()).children[0]!.name).toBe("Dial");
    // The final callback, three times at once (and the forwarded leg's own final callback).
    await Promise.all([1, 2, 3].map(() => handleTwilioStatus(twilioRequest("/api/twilio/status", final), deps)));
    const forwardedLegCallback = dial(await retried.clone().text()).attributes.statusCallback!.slice(PUBLIC_APP_URL.length);
    await handleTwilioStatus(
      twilioRequest(forwardedLegCallback, { ...incoming("CA-leg", "+15105550111"), ParentCallSid: sid, CallStatus: "no-answer" }),
      deps,
    );
    // A late dial action and a late "in-progress" would move the call backwards: ignored.
    await handleTwilioDialAction(twilioRequest("/api/twilio/dial-action", { ...voiceParams, DialCallStatus: "completed" }), deps);
    await handleTwilioStatus(twilioRequest("/api/twilio/status", { ...voiceParams, CallStatus: "in-progress", SequenceNumber: "1" }), deps);

    const recorded = await eventsFor(handle.db, organization.id);
    expect(recorded.map((item) => item.type)).toEqual(["call.started", "call.completed"]);
    expect(deps.executor.dispatched).toEqual(recorded.map((item) => item.id));
    expect(await callRow(handle.db, organization.id, sid)).toMatchObject({ status: "answered", answered: true, durationSeconds: 42 });
    expect(await handle.db.select().from(calls).where(eq(calls.organizationId, organization.id))).toHaveLength(1);
  });

  it("record a call whose final status arrives before the incoming-call webhook, and skip the late start", async () => {
    const { organization, number } = await orgWithNumber(handle.db);
    const deps = twilioDeps(handle.db);
    const sid = newCallSid();
    await handleTwilioStatus(
      twilioRequest("/api/twilio/status", { ...incoming(sid, number.phoneNumber), CallStatus: "canceled", CallDuration: "0" }),
      deps,
    );
    const voice = await handleTwilioVoice(twilioRequest("/api/twilio/voice", incoming(sid, number.phoneNumber)), deps);
    expect(voice.status).toBe(200);
    const recorded = await eventsFor(handle.db, organization.id);
    expect(recorded.map((item) => item.type)).toEqual(["call.completed"]);
    expect(recorded[0]!.event).toMatchObject({ call: { status: "canceled", answered: false }, caller: { name: "JANE DOE" } });
  });

  it("refuse a missing or wrong signature with 403 and store nothing", async () => {
    const { organization, number } = await orgWithNumber(handle.db);
    const deps = twilioDeps(handle.db);
    const sid = newCallSid();
    const params = incoming(sid, number.phoneNumber);
    const attempts = [
      twilioRequest("/api/twilio/voice", params, { signature: null }),
      twilioRequest("/api/twilio/voice", params, { signature: "bm90LWEtc2lnbmF0dXJl" }),
      twilioRequest("/api/twilio/voice", params, { signWith: "someone-elses-auth-token" }),
      // Signed for another address (APP_URL is what Twilio signs against, not the internal URL).
      twilioRequest("/api/twilio/voice", params, { signedUrl: "http://127.0.0.1:3000/api/twilio/voice" }),
    ];
    for (const request of attempts) expect((await handleTwilioVoice(request, deps)).status).toBe(403);
    // Parameters changed after signing.
    const signed = twilioRequest("/api/twilio/status", { ...params, CallStatus: "no-answer" });
    const tampered = new Request(signed.url, {
      method: "POST",
      headers: signed.headers,
      body: new URLSearchParams({ ...params, CallStatus: "completed" }).toString(),
    });
    expect((await handleTwilioStatus(tampered, deps)).status).toBe(403);
    expect(
      (
        await handleTwilioSms(
          twilioRequest(
            "/api/twilio/sms",
            { MessageSid: "SM1", From: "+16505550142", To: number.phoneNumber, Body: "STOP" },
            { signature: null },
          ),
          deps,
        )
      ).status,
    ).toBe(403);
    expect((await handleTwilioDialAction(twilioRequest("/api/twilio/dial-action", params, { signWith: "wrong" }), deps)).status).toBe(403);

    expect(await handle.db.select().from(calls).where(eq(calls.organizationId, organization.id))).toEqual([]);
    expect(await eventsFor(handle.db, organization.id)).toEqual([]);
    expect(await isOptedOut(handle.db, organization.id, "+16505550142")).toBe(false);
    expect(deps.executor.dispatched).toEqual([]);
  });

  it("answer 404 when Twilio isn't configured (retrying cannot help)", async () => {
    const { number } = await orgWithNumber(handle.db);
    const deps = twilioDeps(handle.db, undefined, { appUrl: PUBLIC_APP_URL, sms: { kind: "outbox" } });
    const response = await handleTwilioVoice(twilioRequest("/api/twilio/voice", incoming(newCallSid(), number.phoneNumber)), deps);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Twilio isn't connected");
  });

  it("turn away calls to a number no organization tracks, politely and without storing anything", async () => {
    const deps = twilioDeps(handle.db);
    const before = (await handle.db.select().from(events)).length;
    const response = await handleTwilioVoice(twilioRequest("/api/twilio/voice", incoming(newCallSid(), "+12125550199")), deps);
    expect(response.status).toBe(200);
    const twiml = parseXml(await response.text());
    expect(twiml.children.map((child) => child.name)).toEqual(["Say", "Hangup"]);
    expect(twiml.children[0]!.text).toContain("not in service");
    expect(
      (await handleTwilioStatus(twilioRequest("/api/twilio/status", { ...incoming("CAx", "+12125550199"), CallStatus: "completed" }), deps))
        .status,
    ).toBe(204);
    expect(
      (
        await handleTwilioSms(
          twilioRequest("/api/twilio/sms", { MessageSid: "SMx", From: "+16505550142", To: "+12125550199", Body: "hi" }),
          deps,
        )
      ).status,
    ).toBe(200);
    expect((await handle.db.select().from(events)).length).toBe(before);
  });

  it("count a caller's earlier calls to the same organization only", async () => {
    const { organization, number } = await orgWithNumber(handle.db);
    const other = await orgWithNumber(handle.db);
    const deps = twilioDeps(handle.db);
    await handleTwilioVoice(twilioRequest("/api/twilio/voice", incoming(newCallSid(), other.number.phoneNumber, "+16505550142")), deps);
    for (let index = 0; index < 3; index += 1) {
      await handleTwilioVoice(twilioRequest("/api/twilio/voice", incoming(newCallSid(), number.phoneNumber, "+16505550142")), deps);
    }
    await handleTwilioVoice(twilioRequest("/api/twilio/voice", incoming(newCallSid(), number.phoneNumber, "+12125550199")), deps);
    await handleTwilioVoice(twilioRequest("/api/twilio/voice", incoming(newCallSid(), number.phoneNumber, "anonymous")), deps);
    await handleTwilioVoice(twilioRequest("/api/twilio/voice", incoming(newCallSid(), number.phoneNumber, "anonymous")), deps);

    const callers = (await eventsFor(handle.db, organization.id)).map((item) => "caller" in item.event && item.event.caller);
    expect(callers.map((caller) => caller && [caller.phone_number, caller.first_call, caller.prior_calls])).toEqual([
      ["+16505550142", true, 0],
      ["+16505550142", false, 1],
      ["+16505550142", false, 2],
      ["+12125550199", true, 0],
      ["anonymous", true, 0],
      ["anonymous", true, 0],
    ]);
  });
});

describe("Twilio messaging webhook", () => {
  it("records sms.received with body and media, and keeps STOP / START in the opt-out list", async () => {
    const { organization, number } = await orgWithNumber(handle.db);
    const deps = twilioDeps(handle.db);
    const text = (sid: string, body: string, extra: Record<string, string> = {}) =>
      handleTwilioSms(
        twilioRequest("/api/twilio/sms", {
          AccountSid: TEST_ACCOUNT_SID,
          MessageSid: sid,
          SmsSid: sid,
          From: "(650) 555-0142",
          To: number.phoneNumber,
          Body: body,
          NumMedia: "0",
          FromCity: "OAKLAND",
          ...extra,
        }),
        deps,
      );

    const photo = await text("SM001", "Here is the photo", {
      NumMedia: "2",
      MediaUrl0: "https://api.twilio.com/media/ME0",
      MediaUrl1: "https://api.twilio.com/media/ME1",
    });
    expect(photo.status).toBe(200);
    expect(parseXml(await photo.text())).toMatchObject({ name: "Response", children: [] });

    expect(await isOptedOut(handle.db, organization.id, "+16505550142")).toBe(false);
    await text("SM002", "  stop. ");
    expect(await isOptedOut(handle.db, organization.id, "+16505550142")).toBe(true);
    expect(await isOptedOut(handle.db, organization.id, "(650) 555-0142")).toBe(true);
    await text("SM003", "HELP");
    expect(await isOptedOut(handle.db, organization.id, "+16505550142")).toBe(true);
    await text("SM004", "Start");
    expect(await isOptedOut(handle.db, organization.id, "+16505550142")).toBe(false);
    // Twilio re-delivering the old STOP must not undo the newer START.
    await text("SM002", "  stop. ");
    expect(await isOptedOut(handle.db, organization.id, "+16505550142")).toBe(false);
    await text("SM005", "Please stop calling me so often");
    expect(await isOptedOut(handle.db, organization.id, "+16505550142")).toBe(false);
    for (const keyword of ["UNSUBSCRIBE", "cancel", "End", "QUIT"]) {
      await text(`SM-${keyword}`, keyword);
      expect(await isOptedOut(handle.db, organization.id, "+16505550142")).toBe(true);
      await text(`SM-${keyword}-back`, "UNSTOP");
      expect(await isOptedOut(handle.db, organization.id, "+16505550142")).toBe(false);
    }
    // Opt-outs belong to the organization the text was sent to.
    await text("SM006", "STOP");
    const other = await orgWithNumber(handle.db);
    expect(await isOptedOut(handle.db, other.organization.id, "+16505550142")).toBe(false);

    const recorded = await eventsFor(handle.db, organization.id);
    expect(recorded.filter((item) => item.idempotencyKey === "SM002:received")).toHaveLength(1);
    expect(recorded[0]!.event).toMatchObject({
      type: "sms.received",
      message: {
        id: "SM001",
        body: "Here is the photo",
        media_urls: ["https://api.twilio.com/media/ME0", "https://api.twilio.com/media/ME1"],
        direction: "inbound",
      },
      caller: { phone_number: "+16505550142", city: "OAKLAND", first_call: true, prior_calls: 0 },
      tracking_number: { phone_number: number.phoneNumber, label: "Spring mailer" },
      attribution: { source: "Google Ads" },
    });
    expect(deps.executor.dispatched).toEqual(recorded.map((item) => item.id));
  });
});
