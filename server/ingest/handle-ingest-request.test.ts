import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys, events } from "@/db/schema";
import { sampleEvent } from "@/engine";
import { generateApiKey } from "@/server/api-keys/api-key-format";
import { createTokenBucketLimiter } from "@/server/rate-limit/token-bucket";
import { setupTestDatabase } from "@/test-support/test-database";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { handleIngestRequest } from "./handle-ingest-request";

const handle = setupTestDatabase();
const config = testConfig();
const dispatched: string[] = [];
const executor = { dispatchEvent: async (eventId: string) => void dispatched.push(eventId) };
const unlimited = () => ({ allowed: true as const });

async function orgWithKey() {
  const { organization, user } = await createUserWithOrg(handle.db, config, "Api");
  const key = generateApiKey();
  const [row] = await handle.db
    .insert(apiKeys)
    .values({ organizationId: organization.id, createdByUserId: user.id, name: "test", prefix: key.prefix, hash: key.hash })
    .returning();
  return { organization, user, key: key.key, keyId: row!.id };
}

function post(body: unknown, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/v1/events", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const missedCall = (id: string) => ({ ...sampleEvent("call.missed"), id, organization: undefined });

/** `{ level: { level: … "bottom" } }`, `levels` objects deep. */
function nested(levels: number): unknown {
  let value: unknown = "bottom";
  for (let level = 0; level < levels; level++) value = { level: value };
  return value;
}

/** Any body, as text: the deepest cases are written by hand (JSON.stringify itself runs out of stack). */
const asText = (body: unknown) => (typeof body === "string" ? body : JSON.stringify(body));
const withDeepArray = (event: object, levels: number) =>
  `${asText(event).slice(0, -1)},"padding":${"[".repeat(levels)}${"]".repeat(levels)}}`;

describe("POST /api/v1/events", () => {
  it("refuses a missing, unknown or revoked key with a message saying what to send", async () => {
    const { key, keyId } = await orgWithKey();
    for (const authorization of [undefined, "Bearer sb_live_not-a-real-key-at-all-000000", "Basic abc"]) {
      const response = await handleIngestRequest(post(missedCall("a"), authorization ? { authorization } : {}), {
        db: handle.db,
        executor,
        rateLimit: unlimited,
      });
      expect(response.status).toBe(401);
      expect((await response.json()).error.message).toContain("Authorization: Bearer");
    }
    await handle.db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, keyId));
    const revoked = await handleIngestRequest(post(missedCall("a"), { authorization: `Bearer ${key}` }), {
      db: handle.db,
      executor,
      rateLimit: unlimited,
    });
    expect(revoked.status).toBe(401);
  });

  it("answers 202 once the event is stored, stamps the key's organization, and hands it to the executor", async () => {
    const { organization, key } = await orgWithKey();
    dispatched.length = 0;
    const response = await handleIngestRequest(
      post({ ...missedCall("ext-1"), organization: { id: "org_spoofed", name: "Evil" } }, { authorization: `Bearer ${key}` }),
      {
        db: handle.db,
        executor,
        rateLimit: unlimited,
      },
    );
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body).toMatchObject({ id: "ext-1", duplicate: false });
    const [stored] = await handle.db.select().from(events).where(eq(events.id, body.event_id));
    expect(stored!.organizationId).toBe(organization.id);
    expect((stored!.payload as { organization: { id: string } }).organization.id).toBe(organization.id);
    expect(dispatched).toEqual([body.event_id]);
  });

  it("is idempotent on the event id and the Idempotency-Key header, even for concurrent retries", async () => {
    const { organization, key } = await orgWithKey();
    dispatched.length = 0;
    const deps = { db: handle.db, executor, rateLimit: unlimited };
    const responses = await Promise.all(
      [1, 2, 3].map(() => handleIngestRequest(post(missedCall("same"), { authorization: `Bearer ${key}` }), deps)),
    );
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(new Set(bodies.map((body) => body.event_id)).size).toBe(1);
    expect(bodies.filter((body) => !body.duplicate)).toHaveLength(1);
    expect(dispatched).toHaveLength(1);

    const { id: _id, ...withoutId } = missedCall("x");
    const first = await (
      await handleIngestRequest(post(withoutId, { authorization: `Bearer ${key}`, "idempotency-key": "hdr-1" }), deps)
    ).json();
    const second = await (
      await handleIngestRequest(post(withoutId, { authorization: `Bearer ${key}`, "idempotency-key": "hdr-1" }), deps)
    ).json();
    expect(second).toMatchObject({ event_id: first.event_id, duplicate: true });
    const stored = await handle.db.select().from(events).where(eq(events.organizationId, organization.id));
    expect(stored).toHaveLength(2);
  });

  it("accepts a batch, and refuses the whole batch when one event is invalid", async () => {
    const { key } = await orgWithKey();
    const deps = { db: handle.db, executor, rateLimit: unlimited };
    const ok = await handleIngestRequest(post([missedCall("b1"), missedCall("b2")], { authorization: `Bearer ${key}` }), deps);
    expect(ok.status).toBe(202);
    expect((await ok.json()).accepted.map((item: { id: string }) => item.id)).toEqual(["b1", "b2"]);

    const bad = await handleIngestRequest(
      post([missedCall("b3"), { ...missedCall("b4"), caller: { phone_number: "" } }], { authorization: `Bearer ${key}` }),
      deps,
    );
    expect(bad.status).toBe(422);
    const error = (await bad.json()).error;
    expect(error.issues[0]).toMatchObject({ index: 1 });
    expect(error.message).toContain("caller");
  });

  it("explains bad input with 4xx answers, never a 500", async () => {
    const { key } = await orgWithKey();
    const deps = { db: handle.db, executor, rateLimit: unlimited };
    const auth = { authorization: `Bearer ${key}` };
    expect((await handleIngestRequest(post("{not json", auth), deps)).status).toBe(400);
    expect((await handleIngestRequest(post({ ...missedCall("t"), type: "call.exploded" }, auth), deps)).status).toBe(422);
    expect((await handleIngestRequest(post({ type: "call.missed" }, auth), deps)).status).toBe(422);
    const wrongType = new Request("http://localhost/api/v1/events", {
      method: "POST",
      headers: { ...auth, "content-type": "text/plain" },
      body: "hi",
    });
    expect((await handleIngestRequest(wrongType, deps)).status).toBe(415);
    const huge = await handleIngestRequest(post({ ...missedCall("big"), padding: "x".repeat(300 * 1024) }, auth), deps);
    expect(huge.status).toBe(413);
  });

  it("refuses bytes that are not UTF-8 instead of merging different ids into one, and compressed bodies", async () => {
    const { key } = await orgWithKey();
    const deps = { db: handle.db, executor, rateLimit: unlimited };
    const auth = { authorization: `Bearer ${key}`, "content-type": "APPLICATION/JSON" };
    const body = (idBytes: number[]) => {
      const json = JSON.stringify(missedCall("@@"));
      const [before, after] = json.split("@@");
      return new Uint8Array([...Buffer.from(before!), ...idBytes, ...Buffer.from(after!)]);
    };
    for (const bytes of [[0xff], [0xfe], [0xc3]]) {
      const response = await handleIngestRequest(
        new Request("http://localhost/api/v1/events", { method: "POST", headers: auth, body: body(bytes) }),
        deps,
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "invalid_utf8" } });
    }
    const gzipped = await handleIngestRequest(
      new Request("http://localhost/api/v1/events", { method: "POST", headers: { ...auth, "content-encoding": "gzip" }, body: "\x1f\x8b" }),
      deps,
    );
    expect(gzipped.status).toBe(415);
    const accepted = await handleIngestRequest(
      new Request("http://localhost/api/v1/events", { method: "POST", headers: auth, body: body([0xc3, 0xa9]) }),
      deps,
    );
    expect(accepted.status).toBe(202);
  });

  it.each([
    ["a NUL in a value", { ...missedCall("u1"), caller: { ...missedCall("u1").caller, name: "Ja\u0000ne" } }, ['"caller.name"', "NUL"]],
    [
      "a lone surrogate in a value (half an emoji)",
      { ...missedCall("u2"), call: { ...missedCall("u2").call, notes: "Booked \ud83d" } },
      ['"call.notes"', "surrogate"],
    ],
    ["a NUL in a key the schema would drop", { ...missedCall("u3"), "note\u0000": "x" }, ['"note\\u0000"', "NUL"]],
    [
      "a lone surrogate in a nested key",
      { ...missedCall("u4"), caller: { ...missedCall("u4").caller, "\udc00": 1 } },
      ['at "caller"', "surrogate"],
    ],
    [
      "nesting past the limit where the schema keeps anything",
      { ...sampleEvent("call.modified"), id: "u5", organization: undefined, changes: { tags: { from: nested(40), to: null } } },
      ['"changes.tags.from.level', "32 levels"],
    ],
    ["nesting past the limit in a field the schema would drop", { ...missedCall("u6"), extra: nested(40) }, ['"extra.level', "32 levels"]],
    ["100,000 levels of arrays", withDeepArray(missedCall("u7"), 100_000), ['"padding.0.0', "32 levels"]],
    [
      "one bad event in a batch",
      [missedCall("u8"), { ...missedCall("u9"), caller: { ...missedCall("u9").caller, city: "\u0000" } }],
      ["index 1", '"caller.city"'],
    ],
  ])("answers 422 naming the field, and stores nothing, for %s", async (_name, body, expected) => {
    const { key, organization } = await orgWithKey();
    const response = await handleIngestRequest(post(body, { authorization: `Bearer ${key}` }), {
      db: handle.db,
      executor,
      rateLimit: unlimited,
    });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_event");
    for (const part of expected) expect(error.message).toContain(part);
    expect(error.issues).toHaveLength(1);
    expect(await handle.db.select().from(events).where(eq(events.organizationId, organization.id))).toEqual([]);
  });

  it("stores the same event once its unstorable value is fixed", async () => {
    const { key } = await orgWithKey();
    const deps = { db: handle.db, executor, rateLimit: unlimited };
    const event = missedCall("fixed");
    const bad = await handleIngestRequest(
      post({ ...event, caller: { ...event.caller, name: "\u0000" } }, { authorization: `Bearer ${key}` }),
      deps,
    );
    expect(bad.status).toBe(422);
    const good = await handleIngestRequest(
      post({ ...event, caller: { ...event.caller, name: "Jane \ud83d\ude00" } }, { authorization: `Bearer ${key}` }),
      deps,
    );
    expect(good.status).toBe(202);
    expect(await good.json()).toMatchObject({ id: "fixed", duplicate: false });
  });

  it("stores concurrent requests from two organizations together, each event in its own organization, repeats resolved", async () => {
    const a = await orgWithKey();
    const b = await orgWithKey();
    const deps = { db: handle.db, executor, rateLimit: unlimited };
    const send = (key: string, body: unknown) =>
      handleIngestRequest(post(body, { authorization: `Bearer ${key}` }), deps).then((response) => response.json());
    const [one, two, three, four] = await Promise.all([
      send(a.key, missedCall("c1")),
      send(b.key, missedCall("c1")),
      send(a.key, [missedCall("c2"), missedCall("c2"), missedCall("c3")]),
      send(b.key, missedCall("c1")),
    ]);
    expect(one.duplicate).toBe(false);
    expect(three.accepted.map((item: { duplicate: boolean }) => item.duplicate)).toEqual([false, true, false]);
    expect(three.accepted[1].event_id).toBe(three.accepted[0].event_id);
    expect([two.event_id, two.duplicate, four.event_id, four.duplicate].filter((value) => value === true)).toHaveLength(1);
    expect(four.event_id).toBe(two.event_id);
    const stored = async (organizationId: string) =>
      (await handle.db.select().from(events).where(eq(events.organizationId, organizationId))).map((event) => event.idempotencyKey).sort();
    expect(await stored(a.organization.id)).toEqual(["c1", "c2", "c3"]);
    expect(await stored(b.organization.id)).toEqual(["c1"]);
  });

  it("refuses a key at once after it is revoked in the app, though valid keys are remembered between requests", async () => {
    const { key, keyId, organization, user } = await orgWithKey();
    const deps = { db: handle.db, executor, rateLimit: unlimited };
    expect((await handleIngestRequest(post(missedCall("k1"), { authorization: `Bearer ${key}` }), deps)).status).toBe(202);
    await callerFor(handle.db, config, user, organization.id).apiKey.revoke({ apiKeyId: keyId });
    expect((await handleIngestRequest(post(missedCall("k2"), { authorization: `Bearer ${key}` }), deps)).status).toBe(401);
  });

  it("rate-limits per key with 429 and Retry-After", async () => {
    const { key } = await orgWithKey();
    const deps = { db: handle.db, executor, rateLimit: createTokenBucketLimiter({ capacity: 1, refillPerSecond: 0.5, now: () => 0 }) };
    expect((await handleIngestRequest(post(missedCall("r1"), { authorization: `Bearer ${key}` }), deps)).status).toBe(202);
    const limited = await handleIngestRequest(post(missedCall("r2"), { authorization: `Bearer ${key}` }), deps);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
  });
});
