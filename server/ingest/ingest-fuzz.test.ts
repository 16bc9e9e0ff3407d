import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiKeys, calls, events, trackingNumbers } from "@/db/schema";
import { eventTypes, sampleEvent } from "@/engine";
import { generateApiKey } from "@/server/api-keys/api-key-format";
import { callRailKinds } from "@/server/call-tracking/callrail/callrail-kinds";
import { handleCallRailWebhook } from "@/server/call-tracking/callrail/handle-callrail-webhook";
import { recordingExecutor } from "@/test-support/call-tracking";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { handleIngestRequest } from "./handle-ingest-request";

/**
 * Hostile bodies for both public ingest handlers, against a real database. In production the
 * routes turn a thrown error into 503 ("retry"), so the handlers must answer every body
 * themselves: 2xx when it was stored, 4xx (and nothing stored) when it was not.
 */

// 6,300 bodies in all (3,000 + 3,000 + 2 × 150): about 15 s on PGlite and 10 s on PostgreSQL 15 on a
// busy two-core machine. A run of 30,000 found nothing more; raise these to hunt after a change.
const RUNS = { rest: 3_000, callRail: 3_000, rawText: 150 };

const handle = setupTestDatabase();
const config = testConfig();
const executor = recordingExecutor();
const unlimited = () => ({ allowed: true as const });
let apiKey: string;
let callRailToken: string;

beforeAll(async () => {
  // Every refused CallRail body is logged; thousands of lines would drown the report.
  vi.spyOn(console, "warn").mockImplementation(() => {});
  const { user, organization } = await createUserWithOrg(handle.db, config, "Fuzz");
  const key = generateApiKey();
  await handle.db
    .insert(apiKeys)
    .values({ organizationId: organization.id, createdByUserId: user.id, name: "fuzz", prefix: key.prefix, hash: key.hash });
  apiKey = key.key;
  callRailToken = (await callerFor(handle.db, config, user, organization.id).callrail.rotateToken()).token;
  await handle.db.insert(trackingNumbers).values({
    organizationId: organization.id,
    phoneNumber: "+14155550100",
    label: "Fuzz",
    source: "Direct mail",
    businessNumber: "+15105550111",
  });
});

afterAll(() => {
  vi.restoreAllMocks();
});

// ── What hostile bodies are made of ──────────────────────────────────────────────────────────

const prototypeNames = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "then", "toJSON"];

const awkwardText = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "x\ud83d",
  "\ude00x",
  "😀",
  "\u0007\u001b\u007f\t\r\n",
  "\u202e\ufeff\u2028",
  "",
  "   ",
  "null",
  "true",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e400",
  "1e308",
  "2147483648",
  "2147483647",
  "-2147483649",
  "9007199254740993",
  "123456789012345678901234567890",
  "$1,000,000",
  "0x1F",
  "+010000-01-01T00:00:00Z",
  "0000-01-01T00:00:00Z",
  "2026-13-45T99:99:99Z",
  "2026-11-21T10:04:05-05:00",
  "9999-12-31T23:59:59-15:00",
  "-271821-04-20T00:00:00Z",
  ...prototypeNames,
];

const text = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...awkwardText) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(fc.string({ unit: "binary", maxLength: 8 }), fc.constantFrom(...awkwardText)), { maxLength: 4 })
      .map((parts) => parts.join("")),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constant(`${"x".repeat(9_999)}😀`) },
);

const awkwardNumber = fc.oneof(
  fc.constantFrom(
    1e308,
    -1e308,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53),
    -0,
    0,
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31) - 1,
    -1,
    0.5,
    5e-324,
    1e12,
    8.64e15,
    8.64e15 + 1,
  ),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
);

const key = fc.oneof(
  fc.constantFrom(...prototypeNames),
  text,
  fc.constantFrom("duration", "start_time", "customer_name", "caller", "call", "id", "type", "form_data"),
);

/** Objects and arrays `levels` deep around `inner`, alternating so both kinds are walked. */
const wrap = (inner: unknown, levels: number): unknown => {
  let value = inner;
  for (let level = 0; level < levels; level++) value = level % 2 ? [value] : { nest: value };
  return value;
};

const { json } = fc.letrec<{ json: unknown; array: unknown[]; object: Record<string, unknown> }>((tie) => ({
  json: fc.oneof({ depthSize: "small" }, text, awkwardNumber, fc.boolean(), fc.constant(null), tie("array"), tie("object")),
  array: fc.array(tie("json"), { maxLength: 4 }),
  // fromEntries, not an object literal: "__proto__" stays an own key, as JSON.parse makes it.
  object: fc.array(fc.tuple(key, tie("json")), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
}));

/** A hostile value: anything above, sometimes nested around the nesting limit. */
const hostile = fc.oneof(
  { weight: 4, arbitrary: json },
  { weight: 1, arbitrary: fc.tuple(json, fc.integer({ min: 28, max: 40 })).map(([inner, levels]) => wrap(inner, levels)) },
);

type Mutation = { node: number; key: string; pick: number; value: unknown; action: "replace" | "add" | "delete" };

const mutations = fc.array(
  fc.record({
    node: fc.nat(),
    key,
    pick: fc.nat(),
    value: hostile,
    action: fc.constantFrom("replace", "replace", "add", "delete") as fc.Arbitrary<Mutation["action"]>,
  }),
  { maxLength: 3 },
);

/** Every object and array in `value`, outermost first, so a mutation can land anywhere. */
function containers(value: unknown, found: Array<Record<string, unknown>> = []) {
  if (typeof value === "object" && value !== null) {
    found.push(value as Record<string, unknown>);
    for (const item of Object.values(value)) containers(item, found);
  }
  return found;
}

/** A copy of a valid body with a few fields replaced, added or removed. */
function mutate(base: object, changes: Mutation[]): unknown {
  const body = structuredClone(base);
  for (const change of changes) {
    const nodes = containers(body);
    const node = nodes[change.node % nodes.length]!;
    const keys = Object.keys(node);
    const existing = keys.length > 0 ? keys[change.pick % keys.length]! : change.key;
    if (Array.isArray(node)) {
      // Not by key: "2147483647" or "length" as an array key makes an array of two billion holes.
      if (change.action === "add") node.push(change.value);
      else if (node.length > 0) node.splice(change.pick % node.length, 1, ...(change.action === "replace" ? [change.value] : []));
    } else if (change.action === "delete") delete node[existing];
    // defineProperty, not assignment: "__proto__" becomes an own key, as JSON.parse makes it.
    else
      Object.defineProperty(node, change.action === "add" ? change.key : existing, {
        value: change.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return body;
}

const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constant("application/json") },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "application/json; charset=utf-8",
      "Application/JSON",
      "application/x-www-form-urlencoded",
      "text/plain",
      "multipart/form-data; boundary=x",
      "",
      null,
    ),
  },
);

type Bytes = Uint8Array<ArrayBuffer>;

/** A body as it arrives: JSON of the value, or broken text, or bytes that are not UTF-8. */
const bodyOf = (value: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 8, arbitrary: value.map((item) => JSON.stringify(item) ?? "null") },
    {
      weight: 1,
      arbitrary: fc.tuple(value, fc.nat()).map(([item, cut]) => {
        const whole = JSON.stringify(item) ?? "";
        return whole.slice(0, cut % (whole.length + 1));
      }),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => new Uint8Array(bytes)) },
  );

function request(url: string, body: Bytes | string, type: string | null, headers: Record<string, string> = {}) {
  return new Request(url, { method: "POST", headers: { ...(type === null ? {} : { "content-type": type }), ...headers }, body });
}

/** The database's counts, to show a refused body left nothing behind. */
async function stored() {
  return { events: await handle.db.$count(events), calls: await handle.db.$count(calls) };
}

/** The property every body must keep: an answer below 500, and nothing stored unless it was 2xx. */
async function expectAnswered(send: () => Promise<Response>) {
  const before = await stored();
  const response = await send();
  expect(response.status).toBeGreaterThanOrEqual(200);
  expect(response.status).toBeLessThan(500);
  await response.json();
  if (response.status >= 300) expect(await stored()).toEqual(before);
}

// ── REST: POST /api/v1/events ────────────────────────────────────────────────────────────────

let sequence = 0;
const restEvent = fc
  .constantFrom(...eventTypes)
  .map((type) => ({ ...sampleEvent(type), id: `fuzz-${sequence++}`, organization: undefined }));
const restBody = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(restEvent, mutations).map(([event, changes]) => mutate(event, changes)) },
  {
    weight: 2,
    arbitrary: fc.array(
      fc.tuple(restEvent, mutations).map(([event, changes]) => mutate(event, changes)),
      { minLength: 1, maxLength: 3 },
    ),
  },
  { weight: 1, arbitrary: hostile },
);

function sendRest(body: Bytes | string, type: string | null) {
  return handleIngestRequest(request("http://localhost/api/v1/events", body, type, { authorization: `Bearer ${apiKey}` }), {
    db: handle.db,
    executor,
    rateLimit: unlimited,
  });
}

// ── CallRail: POST /api/callrail/<token> ─────────────────────────────────────────────────────

const callRailBase = fc.constantFrom<Record<string, unknown>>(
  {
    resource_id: "CALfuzz1",
    answered: "true",
    direction: "inbound",
    duration: "184",
    start_time: "2026-11-21T10:04:05.000-05:00",
    customer_phone_number: "+16505550142",
    customer_name: "JANE DOE",
    tracking_phone_number: "+14155550100",
    business_phone_number: "+15105550111",
    tags: [{ name: "New lead", color: "blue" }, "VIP"],
    value: "$1,250.50",
    note: "Wants a cleaning",
    prior_calls: "3",
    first_call: "false",
    source: "Google Ads",
  },
  { resource_id: "CALfuzz2", customer_phone_number: "+16505550143", tracking_phone_number: "+14155550100", created_at: 1_795_000_000 },
  {
    resource_id: "SMSfuzz",
    source_number: "+16505550147",
    destination_number: "+14155550100",
    content: "Open Saturdays?",
    media_urls: ["https://example.com/a.png"],
  },
  {
    resource_id: "FRMfuzz",
    form_name: "Contact",
    form_url: "https://acme.example",
    form_data: { name: "Jane", interests: ["a", "b"], extra: { nested: 1 } },
    submitted_at: "2026-11-21T10:04:05Z",
  },
  { resource_id: "FRMfuzz2", form_data: '{"email":"a@example.com","deep":[[["x"]]]}' },
);

const callRailEvent = fc.option(
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...Object.keys(callRailKinds), "post-call", "Post Call", "sms_received", "form", "modified") },
    { weight: 1, arbitrary: fc.constantFrom(...prototypeNames) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  ),
  { nil: undefined, freq: 4 },
);

const callRailBody = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(callRailBase, mutations)
      .map(([base, changes]) => mutate({ ...base, resource_id: `${base.resource_id}-${sequence++ % 7}` }, changes)),
  },
  { weight: 1, arbitrary: hostile },
);

/** Form-encoded pairs; NUL survives as %00 (a lone surrogate cannot be percent-encoded: it arrives as U+FFFD). */
const formEncoded = fc
  .array(
    fc.tuple(
      fc.oneof(key, fc.constantFrom("resource_id", "customer_phone_number", "tracking_phone_number", "duration", "start_time")),
      fc.oneof(text, awkwardNumber.map(String)),
    ),
    { maxLength: 8 },
  )
  .map((pairs) => pairs.map((pair) => pair.map((part) => encodeURIComponent(part.toWellFormed())).join("=")).join("&"));

function sendCallRail(body: Bytes | string, event: string | undefined, type: string | null) {
  const query = event === undefined ? "" : `?event=${encodeURIComponent(event.toWellFormed())}`;
  return handleCallRailWebhook(request(`http://127.0.0.1:3000/api/callrail/${callRailToken}${query}`, body, type), callRailToken, {
    db: handle.db,
    executor,
  });
}

// ── The properties ───────────────────────────────────────────────────────────────────────────

describe("the public ingest handlers under hostile bodies", () => {
  it("REST ingest answers every body with 2xx or 4xx and never throws", async () => {
    await fc.assert(
      fc.asyncProperty(bodyOf(restBody), contentType, async (body, type) => {
        await expectAnswered(() => sendRest(body, type));
      }),
      { numRuns: RUNS.rest },
    );
  });

  it("the CallRail webhook answers every body with 2xx or 4xx and never throws", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 5, arbitrary: fc.tuple(bodyOf(callRailBody), contentType) },
          { weight: 1, arbitrary: fc.tuple(formEncoded, fc.constant("application/x-www-form-urlencoded")) },
        ),
        callRailEvent,
        async ([body, type], event) => {
          await expectAnswered(() => sendCallRail(body, event, type));
        },
      ),
      { numRuns: RUNS.callRail },
    );
  });

  it("both answer 4xx to nesting deeper than any stack, written out as text", async () => {
    // Where each body keeps a value as sent: an event's `changes`, and CallRail's raw body.
    const restWithDeepChange = { ...sampleEvent("call.modified"), organization: undefined, changes: { tags: { from: "DEEP", to: null } } };
    const callRailWithDeepExtra = {
      resource_id: "CALdeep",
      customer_phone_number: "+16505550142",
      tracking_phone_number: "+14155550100",
      extra: "DEEP",
    };
    const deep = fc
      .tuple(fc.integer({ min: 1_000, max: 120_000 }), fc.constantFrom("[", '{"a":'), fc.boolean())
      .map(([levels, open, balanced]) => {
        const close = open === "[" ? "]" : "}";
        return `${open.repeat(levels)}1${balanced ? close.repeat(levels) : ""}`;
      });
    await fc.assert(
      fc.asyncProperty(deep, async (value) => {
        const id = `deep-${sequence++}`;
        await expectAnswered(() => sendRest(JSON.stringify({ ...restWithDeepChange, id }).replace('"DEEP"', value), "application/json"));
        await expectAnswered(() =>
          sendCallRail(
            JSON.stringify({ ...callRailWithDeepExtra, resource_id: id }).replace('"DEEP"', value),
            "post_call",
            "application/json",
          ),
        );
      }),
      { numRuns: RUNS.rawText },
    );
  });

  it("still accepts a valid event on both afterwards", async () => {
    const rest = await sendRest(
      JSON.stringify({ ...sampleEvent("call.missed"), id: "after-the-fuzz", organization: undefined }),
      "application/json",
    );
    expect(rest.status).toBe(202);
    expect(await rest.json()).toMatchObject({ id: "after-the-fuzz", duplicate: false });
    const callRail = await sendCallRail(
      JSON.stringify({
        resource_id: "CALafter",
        answered: "true",
        duration: "60",
        start_time: "2026-11-21T10:04:05Z",
        customer_phone_number: "+16505550199",
        tracking_phone_number: "+14155550100",
      }),
      "post_call",
      "application/json",
    );
    expect(callRail.status).toBe(200);
    expect(await callRail.json()).toMatchObject({ type: "call.completed", duplicate: false });
  });
});
