import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { calls, events, trackingNumbers } from "@/db/schema";
import { workflowEventSchema, type WorkflowEvent } from "@/engine";
import { recordingExecutor } from "@/test-support/call-tracking";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { handleCallRailWebhook } from "./handle-callrail-webhook";
import { mapCallRailBody } from "./map-callrail-body";

const handle = setupTestDatabase();
const config = testConfig({ appUrl: "https://switchboard.example.com" });
const executor = recordingExecutor();
let org: { id: string; name: string };
let token: string;

beforeAll(async () => {
  const { user, organization } = await createUserWithOrg(handle.db, config, "CallRail");
  org = organization;
  const rotated = await callerFor(handle.db, config, user, organization.id).callrail.rotateToken();
  token = rotated.token;
  await handle.db.insert(trackingNumbers).values({
    organizationId: organization.id,
    phoneNumber: "+14155550100",
    label: "Spring mailer",
    source: "Direct mail",
    businessNumber: "+15105550111",
  });
});

function post(body: unknown, event?: string, contentType = "application/json") {
  const query = event ? `?event=${encodeURIComponent(event)}` : "";
  return handleCallRailWebhook(
    new Request(`http://127.0.0.1:3000/api/callrail/${token}${query}`, {
      method: "POST",
      headers: { "content-type": contentType },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    token,
    { db: handle.db, executor },
  );
}

async function storedEvent(eventId: string) {
  const [row] = await handle.db.select().from(events).where(eq(events.id, eventId));
  return { row: row!, event: workflowEventSchema.parse(row!.payload) as WorkflowEvent };
}

/** A post-call body in CallRail's shape, with numbers and booleans as strings the way many senders post them. */
const postCall = (overrides: Record<string, unknown> = {}) => ({
  resource_id: "CAL8154748ae6bd4e278a7cddd38a662f4f",
  answered: "true",
  business_phone_number: "+15105550111",
  call_type: "answered",
  company_resource_id: "COM8154748ae6bd4e278a7cddd38a662f4f",
  customer_city: "Oakland",
  customer_country: "US",
  customer_name: "JANE DOE",
  customer_phone_number: "+16505550142",
  customer_state: "CA",
  direction: "inbound",
  duration: "184",
  recording: "https://app.callrail.com/calls/CAL815/recording",
  start_time: "2026-11-21T10:04:05.000-05:00",
  tracking_phone_number: "+14155550100",
  voicemail: "false",
  first_call: "false",
  prior_calls: "3",
  source: "Google Ads",
  medium: "cpc",
  campaign: "spring",
  keywords: "dentist near me",
  landing_page_url: "https://acme.example/spring",
  referring_url: "https://www.google.com/",
  gclid: "Cj0KCQiA",
  tags: [{ name: "New lead", color: "blue" }, "VIP"],
  value: "$1,250.50",
  note: "Wants a cleaning",
  lead_status: "good_lead",
  total_calls: "4",
  person_resource_id: "PER123",
  ...overrides,
});

type Case = { name: string; event?: string; body: Record<string, unknown>; type: WorkflowEvent["type"]; expected: Record<string, unknown> };

const cases: Case[] = [
  {
    name: "post-call with string numbers and booleans",
    event: "post_call",
    body: postCall(),
    type: "call.completed",
    expected: {
      call: {
        external_id: "CAL8154748ae6bd4e278a7cddd38a662f4f",
        direction: "inbound",
        status: "answered",
        answered: true,
        duration_seconds: 184,
        started_at: "2026-11-21T15:04:05.000Z",
        ended_at: "2026-11-21T15:07:09.000Z",
        recording_url: "https://app.callrail.com/calls/CAL815/recording",
        tags: ["New lead", "VIP"],
        value: 1250.5,
        notes: "Wants a cleaning",
      },
      caller: {
        phone_number: "+16505550142",
        name: "JANE DOE",
        city: "Oakland",
        state: "CA",
        country: "US",
        first_call: false,
        prior_calls: 3,
      },
      tracking_number: { phone_number: "+14155550100", label: "Spring mailer", business_phone_number: "+15105550111" },
      attribution: {
        source: "Google Ads",
        medium: "cpc",
        campaign: "spring",
        keywords: "dentist near me",
        landing_page_url: "https://acme.example/spring",
        referrer: "https://www.google.com/",
        gclid: "Cj0KCQiA",
      },
    },
  },
  {
    name: "post-call that went to voicemail, real JSON types, utm_* instead of source fields",
    event: "post-call",
    body: {
      resource_id: "CALvoicemail",
      answered: false,
      voicemail: true,
      duration: 31,
      customer_phone_number: "6505550143",
      tracking_phone_number: "(415) 555-0100",
      first_call: true,
      prior_calls: 0,
      utm_source: "facebook",
      utm_medium: "social",
      utm_campaign: "fall",
      utm_term: "braces",
      utm_content: "carousel",
    },
    type: "call.completed",
    expected: {
      call: { status: "voicemail", answered: false, duration_seconds: 31, tags: [], recording_url: null },
      caller: { phone_number: "+16505550143", name: null, first_call: true, prior_calls: 0 },
      tracking_number: { phone_number: "+14155550100", label: "Spring mailer" },
      attribution: { source: "facebook", medium: "social", campaign: "fall", keywords: "braces", gclid: null },
    },
  },
  {
    name: "pre-call with only the required fields: history counted from stored calls, source from the tracking number",
    event: "pre_call",
    body: { resource_id: "CALprecall", customer_phone_number: "+16505550144", tracking_phone_number: "+14155550100" },
    type: "call.started",
    expected: {
      call: { status: "ringing", answered: false, duration_seconds: null, ended_at: null },
      caller: { phone_number: "+16505550144", first_call: true, prior_calls: 0, city: null },
      attribution: { source: "Direct mail", medium: null },
    },
  },
  {
    name: "call routing complete",
    event: "call_routing_complete",
    body: {
      resource_id: "CALrouted",
      customer_phone_number: "+16505550145",
      tracking_phone_number: "+14155550100",
      business_phone_number: "+15105550112",
      answered: "1",
    },
    type: "call.routed",
    expected: { call: { status: "answered", answered: true }, routing: { destination_phone_number: "+15105550112" } },
  },
  {
    name: "outbound call",
    event: "outbound_post_call",
    body: {
      resource_id: "CALoutbound",
      direction: "outbound",
      answered: "yes",
      duration: "60",
      customer_phone_number: "+16505550146",
      tracking_phone_number: "+14155550100",
    },
    type: "call.outbound_completed",
    expected: { call: { direction: "outbound", status: "answered", duration_seconds: 60 } },
  },
  {
    name: "post-call URL receiving an outbound call",
    event: "post_call",
    body: {
      resource_id: "CALoutbound2",
      direction: "outbound",
      answered: "false",
      duration: "0",
      customer_phone_number: "+16505550146",
      tracking_phone_number: "+14155550100",
    },
    type: "call.outbound_completed",
    expected: { call: { direction: "outbound", status: "no_answer", answered: false } },
  },
  {
    name: "text message received",
    event: "text_message_received",
    body: {
      resource_id: "SMS123",
      thread_resource_id: "SMT1",
      source_number: "+16505550147",
      destination_number: "+14155550100",
      content: "Do you open Saturdays?",
      customer_name: "Sam",
    },
    type: "sms.received",
    expected: {
      message: { id: "SMS123", body: "Do you open Saturdays?", direction: "inbound", media_urls: [] },
      caller: { phone_number: "+16505550147", name: "Sam", first_call: true, prior_calls: 0 },
      tracking_number: { phone_number: "+14155550100", label: "Spring mailer" },
    },
  },
  {
    name: "text message sent",
    event: "text_message_sent",
    body: { resource_id: "SMS124", source_number: "+14155550100", destination_number: "+16505550147", content: "Yes, 9 to 1." },
    type: "sms.sent",
    expected: {
      message: { direction: "outbound", body: "Yes, 9 to 1." },
      caller: { phone_number: "+16505550147" },
      tracking_number: { phone_number: "+14155550100" },
    },
  },
  {
    name: "form submission with a phone number",
    event: "form_submission",
    body: {
      resource_id: "FRM1",
      form_name: "Contact us",
      form_url: "https://acme.example/contact",
      form_data: {
        name: "Jane",
        phone: "+16505550148",
        interests: ["cleaning", "whitening"],
        newsletter: true,
        age: 41,
        extra: { nested: 1 },
      },
      customer_phone_number: "+16505550148",
      customer_name: "Jane",
      source: "Google Organic",
      gclid: "abc",
    },
    type: "form.submitted",
    expected: {
      form: {
        id: "FRM1",
        name: "Contact us",
        url: "https://acme.example/contact",
        fields: {
          name: "Jane",
          phone: "+16505550148",
          interests: ["cleaning", "whitening"],
          newsletter: true,
          age: 41,
          extra: '{"nested":1}',
        },
      },
      caller: { phone_number: "+16505550148", name: "Jane", first_call: true },
      tracking_number: null,
      attribution: { source: "Google Organic", gclid: "abc" },
    },
  },
  {
    name: "form submission without a phone number, form_data as a JSON string, kind inferred",
    body: { resource_id: "FRM2", form_data: '{"email":"a@example.com"}' },
    type: "form.submitted",
    expected: { form: { id: "FRM2", fields: { email: "a@example.com" }, name: null }, caller: null, tracking_number: null },
  },
  {
    name: "post-call inferred without ?event=",
    body: postCall({ resource_id: "CALinferred", answered: "false", call_type: "abandoned", duration: "" }),
    type: "call.completed",
    expected: { call: { status: "canceled", answered: false, duration_seconds: null, ended_at: null } },
  },
];

describe("CallRail-format webhooks", () => {
  it.each(cases)("map $name", async ({ event, body, type, expected }) => {
    const response = await post(body, event);
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ type, duplicate: false });
    const { row, event: stored } = await storedEvent(result.event_id);
    expect(row).toMatchObject({ organizationId: org.id, source: "callrail", type });
    expect(stored).toMatchObject({ type, organization: { id: org.id }, ...expected });
    // Everything CallRail sent stays with the stored event, including fields the schema has no place for.
    expect((row.payload as { raw?: unknown }).raw).toEqual(typeof body === "string" ? JSON.parse(body) : body);
    expect(executor.dispatched).toContain(result.event_id);
  });

  it("stores CallRail calls in calls (so caller history counts them) and links the event", async () => {
    const response = await post(
      postCall({ resource_id: "CALhistory", customer_phone_number: "+16505550150", first_call: "", prior_calls: "" }),
      "post_call",
    );
    const { event_id: eventId } = await response.json();
    const { row, event } = await storedEvent(eventId);
    const [call] = await handle.db
      .select()
      .from(calls)
      .where(and(eq(calls.organizationId, org.id), eq(calls.externalId, "CALhistory")));
    expect(call).toMatchObject({
      callerNumber: "+16505550150",
      answered: true,
      status: "answered",
      durationSeconds: 184,
      source: "Google Ads",
      tags: ["New lead", "VIP"],
    });
    expect(row.callId).toBe(call!.id);
    expect(event).toMatchObject({ call: { id: call!.id }, caller: { first_call: true, prior_calls: 0 } });

    const second = await post(
      postCall({
        resource_id: "CALhistory2",
        customer_phone_number: "+16505550150",
        first_call: "",
        prior_calls: "",
        start_time: "2026-11-22T10:00:00Z",
      }),
      "post_call",
    );
    expect((await storedEvent((await second.json()).event_id)).event).toMatchObject({ caller: { first_call: false, prior_calls: 1 } });
  });

  it("stores one event per CallRail id and kind, and one per distinct modification", async () => {
    const body = postCall({ resource_id: "CALdup" });
    const first = await (await post(body, "post_call")).json();
    const again = await (await post(body, "post_call")).json();
    expect(again).toEqual({ ...first, duplicate: true });

    const modified = await (
      await post({ ...body, tags: ["New lead", "VIP", "Booked"], note: "Booked for Monday" }, "call_modified")
    ).json();
    const repeated = await (
      await post({ ...body, tags: ["New lead", "VIP", "Booked"], note: "Booked for Monday" }, "call_modified")
    ).json();
    const later = await (await post({ ...body, tags: ["Booked"], note: "Booked for Monday" }, "call_modified")).json();
    expect(repeated).toEqual({ ...modified, duplicate: true });
    expect(later.event_id).not.toBe(modified.event_id);
    const { event } = await storedEvent(modified.event_id);
    expect(event).toMatchObject({
      type: "call.modified",
      changes: { tags: { from: ["New lead", "VIP"], to: ["New lead", "VIP", "Booked"] }, notes: { from: null, to: "Booked for Monday" } },
    });
    expect((await storedEvent(later.event_id)).event).toMatchObject({
      changes: { tags: { from: ["New lead", "VIP", "Booked"], to: ["Booked"] } },
    });
    const keys = (await handle.db.select().from(events).where(eq(events.organizationId, org.id)).orderBy(asc(events.receivedAt))).map(
      (row) => row.idempotencyKey,
    );
    expect(keys.filter((key) => key.includes("CALdup"))).toHaveLength(3);
    expect(keys).toContain("callrail:post_call:CALdup");

    // A pre-call arriving after the call finished would move it backwards: ignored.
    const late = await post(
      { resource_id: "CALdup", customer_phone_number: "+16505550142", tracking_phone_number: "+14155550100" },
      "pre_call",
    );
    expect(await late.json()).toMatchObject({ ignored: true });
    const [call] = await handle.db.select().from(calls).where(eq(calls.externalId, "CALdup"));
    expect(call).toMatchObject({ status: "answered", answered: true });
  });

  it.each([
    ["no customer phone number", { resource_id: "CALx", tracking_phone_number: "+14155550100" }, "post_call", "customer_phone_number"],
    ["no tracking number", { resource_id: "CALx", customer_phone_number: "+16505550142" }, "post_call", "tracking_phone_number"],
    ["no resource id", { customer_phone_number: "+16505550142", tracking_phone_number: "+14155550100" }, "post_call", "resource_id"],
    ["a form without form_data", { resource_id: "FRMx", form_url: "https://acme.example" }, "form_submission", "form_data"],
    ["an unknown webhook type", postCall(), "call_exploded", "is not a CallRail webhook type"],
    ["a body of unknown shape", { hello: "world" }, undefined, "?event=post_call"],
  ])("answer 422 with the reason for %s", async (_name, body, event, reason) => {
    const before = (await handle.db.select().from(events)).length;
    const response = await post(body, event);
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("unmappable");
    expect(error.message).toContain(reason);
    expect((await handle.db.select().from(events)).length).toBe(before);
  });

  const nested = (levels: number): unknown => (levels === 0 ? "bottom" : { level: nested(levels - 1) });
  const formData = (fields: string) => ({ resource_id: "FRMbad", form_name: "Contact", form_data: fields });
  it.each([
    [
      "a NUL in a mapped value",
      postCall({ resource_id: "CALnul", customer_name: "JANE\u0000DOE" }),
      "post_call",
      ['"customer_name"', "NUL"],
    ],
    [
      "a lone surrogate in a mapped value",
      postCall({ resource_id: "CALsur", note: "Booked \ud83d" }),
      "post_call",
      ['"note"', "surrogate"],
    ],
    [
      "a NUL in a key of a field kept only in the raw body",
      postCall({ resource_id: "CALkey", "lead\u0000status": "good" }),
      "post_call",
      ['"lead\\u0000status"', "NUL"],
    ],
    [
      "nesting past the limit in a field kept only in the raw body",
      postCall({ resource_id: "CALdeep", custom: nested(40) }),
      "post_call",
      ['"custom.level', "32 levels"],
    ],
    [
      "a duration past PostgreSQL's integer",
      postCall({ resource_id: "CALlong", duration: "2147483648" }),
      "post_call",
      ['The value at "duration" is too large (at most 2147483647).'],
    ],
    ["a duration of 1e308", postCall({ resource_id: "CALhuge", duration: 1e308 }), "post_call", ['"duration" is too large']],
    [
      "a call_duration that overflows to Infinity",
      postCall({ resource_id: "CALinf", duration: undefined, call_duration: "1e400" }),
      "post_call",
      ['"call_duration" is too large'],
    ],
    ["a negative duration", postCall({ resource_id: "CALneg", duration: "-5" }), "post_call", ['"duration" is negative']],
    [
      "a prior_calls past PostgreSQL's integer",
      postCall({ resource_id: "CALprior", prior_calls: 2 ** 53 }),
      "post_call",
      ['"prior_calls" is too large'],
    ],
    [
      "a start_time that is no date",
      postCall({ resource_id: "CALdate", start_time: "last Tuesday-ish" }),
      "post_call",
      ['"start_time" is not a date'],
    ],
    [
      "a start_time that is not text or a number",
      postCall({ resource_id: "CALobj", start_time: { at: "noon" } }),
      "post_call",
      ['"start_time" is not a date'],
    ],
    [
      "a start_time past year 9999",
      postCall({ resource_id: "CALfar", start_time: "+010000-01-01T00:00:00Z" }),
      "post_call",
      ['The date at "start_time" is outside the dates that can be stored (1900-01-01 to 9999-12-31).'],
    ],
    [
      "a start_time in year 0",
      postCall({ resource_id: "CALzero", start_time: "0000-01-01T00:00:00Z" }),
      "post_call",
      ['"start_time" is outside'],
    ],
    [
      "a call that would end after year 9999",
      postCall({ resource_id: "CALend", start_time: "9999-12-31T23:00:00Z", duration: "7200" }),
      "post_call",
      ['"duration"', "9999-12-31"],
    ],
    [
      "an unparseable created_at standing in for start_time",
      postCall({ resource_id: "CALcreated", start_time: undefined, created_at: "soon" }),
      "pre_call",
      ['"created_at" is not a date'],
    ],
    [
      "a form's submitted_at that is no date",
      { ...formData('{"name":"Jane"}'), submitted_at: "31/31/2026" },
      "form_submission",
      ['"submitted_at" is not a date'],
    ],
    ["a NUL inside form_data sent as a JSON string", formData('{"name":"Ja\\u0000ne"}'), "form_submission", ['"form_data.name"', "NUL"]],
    [
      "nesting past the limit inside form_data sent as a JSON string",
      formData(`{"x":${"[".repeat(5_000)}${"]".repeat(5_000)}}`),
      "form_submission",
      ['"form_data.x.0', "32 levels"],
    ],
    [
      "a webhook type named after Object.prototype",
      postCall({ resource_id: "CALproto" }),
      "constructor",
      ["is not a CallRail webhook type"],
    ],
    ["a webhook type named __proto__", postCall({ resource_id: "CALproto2" }), "__proto__", ["is not a CallRail webhook type"]],
  ])("answer 422 naming the field, and store nothing, for %s", async (_name, body, event, expected) => {
    const before = { events: (await handle.db.select().from(events)).length, calls: (await handle.db.select().from(calls)).length };
    const response = await post(body, event);
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("unmappable");
    for (const part of expected) expect(error.message).toContain(part);
    expect({ events: (await handle.db.select().from(events)).length, calls: (await handle.db.select().from(calls)).length }).toEqual(
      before,
    );
  });

  it("answers 422 for a NUL sent form-encoded, and for JSON nested 100,000 levels deep", async () => {
    const encoded = await post(
      "resource_id=CALenc&customer_phone_number=%2B16505550142&tracking_phone_number=%2B14155550100&customer_name=a%00b",
      "post_call",
      "application/x-www-form-urlencoded",
    );
    expect(encoded.status).toBe(422);
    expect((await encoded.json()).error.message).toContain('"customer_name"');
    const deep = await post(
      `${JSON.stringify(postCall({ resource_id: "CALdeeper" })).slice(0, -1)},"x":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
      "post_call",
    );
    expect(deep.status).toBe(422);
    expect((await deep.json()).error.message).toContain("32 levels");
  });

  it("reads prototype names in a body as plain data", async () => {
    const response = await post(
      JSON.parse(
        JSON.stringify(postCall({ resource_id: "CALprotokeys", direction: { toString: 1, valueOf: 1 } })).replace(
          "{",
          '{"__proto__":{"answered":"false"},"constructor":1,',
        ),
      ),
    );
    expect(response.status).toBe(200);
    const { event, row } = await storedEvent((await response.json()).event_id);
    expect(event).toMatchObject({ type: "call.completed", call: { direction: "inbound", answered: true } });
    expect(Object.keys((row.payload as { raw: object }).raw)).toContain("__proto__");
  });

  it("cuts over-long text without splitting a character in two", async () => {
    const response = await post(
      { resource_id: "SMSemoji", source_number: "+16505550142", destination_number: "+14155550100", content: `${"x".repeat(9_999)}😀` },
      "text_message_received",
    );
    expect(response.status).toBe(200);
    const { event } = await storedEvent((await response.json()).event_id);
    expect(event.type === "sms.received" && event.message.body).toBe("x".repeat(9_999));
  });

  it("cuts over-long values to the schema's limits rather than refusing the webhook", async () => {
    const response = await post(
      { resource_id: "SMSlong", source_number: "+16505550142", destination_number: "+14155550100", content: "x".repeat(10_001) },
      "text_message_received",
    );
    expect(response.status).toBe(200);
    const { event } = await storedEvent((await response.json()).event_id);
    expect(event.type === "sms.received" && event.message.body.length).toBe(10_000);
  });

  it("refuses bad JSON, and unknown or rotated tokens with 404", async () => {
    expect((await post("{not json", "post_call")).status).toBe(400);
    expect((await post("[1,2]", "post_call")).status).toBe(400);
    const unknown = await handleCallRailWebhook(
      new Request("http://127.0.0.1:3000/api/callrail/crw_nope", { method: "POST", body: JSON.stringify(postCall()) }),
      "crw_nope",
      { db: handle.db, executor },
    );
    expect(unknown.status).toBe(404);

    const { user, organization } = await createUserWithOrg(handle.db, config, "Rotator");
    const caller = callerFor(handle.db, config, user, organization.id);
    const old = (await caller.callrail.rotateToken()).token;
    await caller.callrail.rotateToken();
    const rotated = await handleCallRailWebhook(
      new Request(`http://127.0.0.1:3000/api/callrail/${old}`, { method: "POST", body: JSON.stringify(postCall()) }),
      old,
      { db: handle.db, executor },
    );
    expect(rotated.status).toBe(404);
  });

  it("accepts form-encoded bodies too", async () => {
    const response = await post(
      new URLSearchParams({
        resource_id: "CALform",
        answered: "true",
        duration: "5",
        customer_phone_number: "+16505550151",
        tracking_phone_number: "+14155550100",
      }).toString(),
      "post_call",
      "application/x-www-form-urlencoded",
    );
    expect(response.status).toBe(200);
    expect((await storedEvent((await response.json()).event_id)).event).toMatchObject({ call: { answered: true, duration_seconds: 5 } });
  });
});

describe("mapCallRailBody", () => {
  it("leaves out what was not sent, so the schema's defaults apply", () => {
    const result = mapCallRailBody(
      "post_call",
      {
        resource_id: "CAL1",
        customer_phone_number: "+16505550142",
        tracking_phone_number: "+14155550100",
        answered: "maybe",
        duration: "n/a",
      },
      new Date("2026-01-01T00:00:00Z"),
    );
    expect(result).toMatchObject({ ok: true, mapped: { eventType: "call.completed", externalId: "CAL1" } });
    if (!result.ok) return;
    expect(result.mapped.draft.call).toEqual({
      external_id: "CAL1",
      id: "pending",
      direction: "inbound",
      answered: false,
      status: "no_answer",
      started_at: "2026-01-01T00:00:00.000Z",
      ended_at: null,
    });
    expect(result.mapped.draft.caller).toEqual({ phone_number: "+16505550142" });
    expect(result.mapped.draft.attribution).toBeUndefined();
  });
});
