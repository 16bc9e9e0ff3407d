import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizations, outboxMessages } from "@/db/schema";
import { startTwilioApi, type TwilioApiStandIn } from "@/test-support/stand-ins/twilio-api";
import { setupTestDatabase } from "@/test-support/test-database";
import { createSmsSender } from "./create-sms-sender";
import { SmsDeliveryError, type OutgoingSms, type SmsSender } from "./sms-sender";
import { createTwilioSmsSender } from "./twilio-sms-sender";

const accountSid = `AC${"0123456789abcdef".repeat(2)}`;
const authToken = "stand-in-auth-token";

const handle = setupTestDatabase();
let twilioApi: TwilioApiStandIn;
let send: SmsSender;
let organizationId: string;
let keyCounter = 0;

function message(overrides: Partial<OutgoingSms> = {}): OutgoingSms {
  keyCounter += 1;
  return {
    organizationId,
    to: "(415) 555-2671",
    from: "+12015550123",
    body: "Thanks for calling Acme Plumbing! Reply here to book.",
    idempotencyKey: `run_${keyCounter}:node_sms`,
    runId: `run_${keyCounter}`,
    nodeId: "node_sms",
    ...overrides,
  };
}

async function outboxRow(outboxIdOrKey: { id?: string; key?: string }) {
  const where = outboxIdOrKey.id ? eq(outboxMessages.id, outboxIdOrKey.id) : eq(outboxMessages.idempotencyKey, outboxIdOrKey.key!);
  const rows = await handle.db.select().from(outboxMessages).where(where);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

async function sendExpectingError(sms: OutgoingSms, sender: SmsSender = send): Promise<SmsDeliveryError> {
  const error = await sender(sms).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmsDeliveryError);
  return error as SmsDeliveryError;
}

beforeAll(async () => {
  twilioApi = await startTwilioApi({ accountSid, authToken });
  send = createSmsSender(
    { accountSid, authToken, apiBaseUrl: twilioApi.url, statusCallbackUrl: "https://app.example.test/api/twilio/status" },
    handle.db,
  );
  const [org] = await handle.db.insert(organizations).values({ name: "Acme Plumbing", slug: "acme-plumbing" }).returning();
  organizationId = org!.id;
});

afterAll(async () => {
  await twilioApi?.close();
});

describe("Twilio SMS sender (real SDK against the local Twilio stand-in)", () => {
  it("sends the text through Twilio and records it as sent with Twilio's message sid", async () => {
    const sms = message();
    const before = twilioApi.messages.length;

    const result = await send(sms);

    expect(twilioApi.messages).toHaveLength(before + 1);
    const delivered = twilioApi.messages.at(-1)!;
    expect(delivered).toMatchObject({
      to: "+14155552671",
      from: "+12015550123",
      body: sms.body,
      statusCallback: "https://app.example.test/api/twilio/status",
      numSegments: 1,
    });
    expect(result.status).toBe("sent");
    expect(result.providerMessageId).toBe(delivered.sid);
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);

    const row = await outboxRow({ id: result.outboxId });
    expect(row).toMatchObject({
      organizationId,
      channel: "sms",
      category: "workflow",
      to: "+14155552671",
      from: "+12015550123",
      body: sms.body,
      status: "sent",
      provider: "twilio",
      providerMessageId: delivered.sid,
      error: null,
      idempotencyKey: sms.idempotencyKey,
      runId: sms.runId,
      nodeId: "node_sms",
    });
  });

  it("sends only once for the same idempotency key, and answers the second call with the first result", async () => {
    const sms = message();
    const before = twilioApi.requestCount();

    const first = await send(sms);
    const second = await send({ ...sms });

    expect(twilioApi.requestCount()).toBe(before + 1);
    expect(second).toEqual(first);
    await outboxRow({ key: sms.idempotencyKey });
  });

  it("treats Twilio 21211 (invalid 'To' number) as permanent and records a failed row", async () => {
    const sms = message({ to: "+14155550100" });
    twilioApi.failNextWith(21211);

    const error = await sendExpectingError(sms);

    expect(error.permanent).toBe(true);
    expect(error.code).toBe(21211);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/can't receive texts/);
    const row = await outboxRow({ key: sms.idempotencyKey });
    expect(row.status).toBe("failed");
    expect(row.provider).toBe("twilio");
    expect(row.error).toContain("21211");
  });

  it("treats Twilio 21610 (recipient replied STOP) as permanent, in plain words", async () => {
    const sms = message();
    twilioApi.failNextWith(21610);

    const error = await sendExpectingError(sms);

    expect(error.permanent).toBe(true);
    expect(error.code).toBe(21610);
    expect(error.message).toMatch(/^The recipient replied STOP and opted out/);
    const row = await outboxRow({ key: sms.idempotencyKey });
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/replied STOP/);
  });

  it.each([21614, 21612, 21408, 21606] as const)("treats Twilio %i as permanent", async (code) => {
    twilioApi.failNextWith(code);
    const error = await sendExpectingError(message());
    expect(error).toMatchObject({ permanent: true, code });
  });

  it("treats any other 4xx as permanent, keeping Twilio's message", async () => {
    twilioApi.failNextWith({ code: 21620, status: 400, message: "Invalid media URL(s)" });
    const error = await sendExpectingError(message());
    expect(error).toMatchObject({ permanent: true, code: 21620 });
    expect(error.message).toContain("Invalid media URL(s)");
  });

  it("treats a 500 as transient, and a retry with the same key sends the text and updates the row", async () => {
    const sms = message();
    twilioApi.failNextWith({ status: 500 });

    const error = await sendExpectingError(sms);
    expect(error.permanent).toBe(false);
    expect(error.status).toBe(500);
    expect((await outboxRow({ key: sms.idempotencyKey })).status).toBe("failed");

    const retried = await send(sms);
    expect(retried.status).toBe("sent");
    const row = await outboxRow({ key: sms.idempotencyKey });
    expect(row).toMatchObject({ id: retried.outboxId, status: "sent", providerMessageId: retried.providerMessageId, error: null });
    expect(twilioApi.messages.filter((m) => m.sid === retried.providerMessageId)).toHaveLength(1);
  });

  it("treats 429 (Twilio 20429) as transient", async () => {
    twilioApi.failNextWith(20429);
    const error = await sendExpectingError(message());
    expect(error).toMatchObject({ permanent: false, status: 429, code: 20429 });
  });

  it("treats an unreachable Twilio as transient and records the failure", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused.
    const unreachable = createTwilioSmsSender({ accountSid, authToken, apiBaseUrl: "http://127.0.0.1:1" }, handle.db);
    const sms = message();

    const error = await sendExpectingError(sms, unreachable);

    expect(error.permanent).toBe(false);
    expect(error.code).toBeUndefined();
    expect((await outboxRow({ key: sms.idempotencyKey })).status).toBe("failed");
  });

  it("reports wrong credentials as permanent (the stand-in checks Basic auth)", async () => {
    const wrongToken = createTwilioSmsSender({ accountSid, authToken: "not-the-token", apiBaseUrl: twilioApi.url }, handle.db);
    const before = twilioApi.messages.length;

    const error = await sendExpectingError(message(), wrongToken);

    expect(error).toMatchObject({ permanent: true, status: 401, code: 20003 });
    expect(twilioApi.messages).toHaveLength(before);
  });

  it("refuses a number that isn't a phone number without calling Twilio", async () => {
    const sms = message({ to: "555-0100" });
    const before = twilioApi.requestCount();

    const error = await sendExpectingError(sms);

    expect(error.permanent).toBe(true);
    expect(error.message).toBe(`"555-0100" isn't a valid US phone number`);
    expect(twilioApi.requestCount()).toBe(before);
    const row = await outboxRow({ key: sms.idempotencyKey });
    expect(row).toMatchObject({ status: "failed", to: "555-0100" });
  });
});
