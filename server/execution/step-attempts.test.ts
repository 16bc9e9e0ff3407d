import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StepAttempt } from "@/db/schema";
import { startWebhookReceiver, type WebhookReceiver } from "@/test-support/stand-ins/webhook-receiver";
import { SmsDeliveryError } from "../sms/sms-sender";
import { assertDelivered, deliverWebhook, type WebhookDelivery } from "../webhooks/deliver-webhook";
import { PermanentWebhookError } from "../webhooks/delivery-outcome";
import { noteAttemptRequest } from "./attempt-request";
import { PermanentStepError } from "./permanent-error";
import {
  attemptFailed,
  attemptSucceeded,
  interruptedAttemptMessage,
  interruptInFlight,
  maxAttemptBodyBytes,
  recordsAttempts,
  startAttempt,
} from "./step-attempts";

let receiver: WebhookReceiver;
let reply: () => { status: number; body?: string; headers?: Record<string, string> } | Promise<never> = () => ({ status: 200 });
beforeAll(async () => {
  receiver = await startWebhookReceiver({ respondWith: () => reply() });
});
afterAll(async () => {
  await receiver?.close();
});

const startedAt = new Date("2026-11-22T15:00:00.000Z");
const after = (ms: number) => new Date(startedAt.getTime() + ms);

/** One signed delivery to the local receiver, as a webhook step's attempt makes it. */
async function deliverOnce(timeoutMs?: number) {
  const { deliveries } = await deliverWebhook({
    urls: [`${receiver.url}/crm`],
    payload: { hello: "world" },
    webhookId: "msg_run_1_hook",
    secret: "whsec_" + Buffer.from("attempts-test-secret-0123456789ab").toString("base64"),
    allowPrivate: true,
    timeoutMs,
  });
  return deliveries;
}

/** The error a webhook step throws for these deliveries (none when all were delivered). */
function failureOf(deliveries: WebhookDelivery[]): unknown {
  try {
    assertDelivered(deliveries);
    return undefined;
  } catch (error) {
    // As the providers pass a rejection on: a permanent step error carrying the deliveries.
    return error instanceof PermanentWebhookError ? new PermanentStepError(error.message, "webhook_rejected", { deliveries }) : error;
  }
}

describe("step attempts", () => {
  it("are kept for actions that reach outside the run, not for conditions, delays or the trigger", () => {
    expect(["action.webhook", "action.send_sms", "action.send_email", "action.tag_call"].filter(recordsAttempts)).toHaveLength(4);
    expect(["condition.call_duration", "action.delay", "trigger"].filter(recordsAttempts)).toEqual([]);
  });

  it("start in flight, with their number and start time", () => {
    expect(startAttempt(2, startedAt)).toEqual({
      attempt: 2,
      startedAt: "2026-11-22T15:00:00.000Z",
      finishedAt: null,
      durationMs: null,
      outcome: "in_flight",
    });
  });

  it("keep a delivered webhook's request headers and the answer: status, headers, body, time", async () => {
    reply = () => ({ status: 200, body: '{"id":"crm-42"}', headers: { "x-request-id": "abc" } });
    const deliveries = await deliverOnce();
    const attempt = attemptSucceeded(startAttempt(1, startedAt), "action.webhook", { deliveries }, after(120));

    expect(attempt).toMatchObject({ attempt: 1, outcome: "succeeded", finishedAt: "2026-11-22T15:00:00.120Z", durationMs: 120 });
    expect(attempt.deliveries).toHaveLength(1);
    const [delivery] = attempt.deliveries!;
    expect(delivery!.url).toBe(`${receiver.url}/crm`);
    expect(delivery!.request.method).toBe("POST");
    expect(delivery!.request.headers["webhook-id"]).toBe("msg_run_1_hook");
    expect(delivery!.request).not.toHaveProperty("body"); // the same on every try: the step keeps it once
    expect(delivery!.response).toMatchObject({ status: 200, body: '{"id":"crm-42"}', truncated: false });
    expect(delivery!.response!.headers["x-request-id"]).toBe("abc");
    expect(delivery!.response!.durationMs).toBeGreaterThanOrEqual(0);
    expect(delivery!.error).toBeUndefined();
  });

  it("keep a 500's status and body on a failed attempt, with when the next one is due", async () => {
    reply = () => ({ status: 500, body: "database is down" });
    const error = failureOf(await deliverOnce());
    const attempt = attemptFailed(startAttempt(1, startedAt), error, after(80), { willRetry: true, retryAt: after(1080) });

    expect(attempt).toMatchObject({
      attempt: 1,
      outcome: "failed",
      durationMs: 80,
      willRetry: true,
      retryAt: "2026-11-22T15:00:01.080Z",
      error: { name: "TransientWebhookError", message: `${receiver.url}/crm answered 500`, permanent: false },
    });
    expect(attempt.deliveries![0]!.response).toMatchObject({ status: 500, body: "database is down" });
  });

  it("keep a refusal (410) as permanent, with no retry", async () => {
    reply = () => ({ status: 410, body: "gone" });
    const attempt = attemptFailed(startAttempt(1, startedAt), failureOf(await deliverOnce()), after(10), { willRetry: false });
    expect(attempt).toMatchObject({
      outcome: "failed",
      willRetry: false,
      retryAt: null,
      error: { name: "PermanentStepError", code: "webhook_rejected", permanent: true },
    });
    expect(attempt.deliveries![0]!.response!.status).toBe(410);
  });

  it("say a receiver that never answered timed out", async () => {
    reply = () => new Promise<never>(() => {});
    const error = failureOf(await deliverOnce(200));
    const attempt = attemptFailed(startAttempt(3, startedAt), error, after(150), { willRetry: true, retryAt: null });

    expect(attempt).toMatchObject({ attempt: 3, outcome: "failed", durationMs: 150, willRetry: true, retryAt: null });
    expect(attempt.deliveries![0]!.response).toBeUndefined();
    expect(attempt.deliveries![0]!.error).toEqual({ kind: "timeout", message: "Timed out after 0.2 s" });
  });

  it("keep at most 8 KB of a response body", () => {
    const body = "é".repeat(6_000); // 12,000 bytes
    const delivery: WebhookDelivery = {
      url: "https://hooks.example.com/x",
      request: { method: "POST", headers: {}, body: "{}" },
      response: { status: 200, headers: {}, body, truncated: false, durationMs: 5 },
    };
    const attempt = attemptSucceeded(startAttempt(1, startedAt), "action.webhook", { deliveries: [delivery] }, after(5));
    const kept = attempt.deliveries![0]!.response!;
    expect(kept.truncated).toBe(true);
    expect(Buffer.byteLength(kept.body)).toBe(maxAttemptBodyBytes);
    expect(body.startsWith(kept.body)).toBe(true);
  });

  it("summarise a text: to and from, then the provider's id and status or its refusal", () => {
    const sent = attemptSucceeded(
      startAttempt(1, startedAt),
      "action.send_sms",
      { status: "queued", providerMessageId: "SM123", outboxId: "obx_1", to: "+14155550123", from: "+14155550100", segments: 1 },
      after(40),
    );
    expect(sent).toMatchObject({
      outcome: "succeeded",
      request: { to: "+14155550123", from: "+14155550100" },
      response: { status: "queued", providerMessageId: "SM123", outboxId: "obx_1", segments: 1 },
    });

    const refusal = noteAttemptRequest(
      new SmsDeliveryError("Twilio had a problem (HTTP 503); the text will be retried", { permanent: false, code: 20500, status: 503 }),
      {
        to: "+14155550123",
        from: "+14155550100",
      },
    );
    const failed = attemptFailed(startAttempt(2, startedAt), refusal, after(40), { willRetry: true, retryAt: after(4040) });
    expect(failed).toMatchObject({
      outcome: "failed",
      request: { to: "+14155550123", from: "+14155550100" },
      error: { name: "SmsDeliveryError", code: 20500, httpStatus: 503, permanent: false },
    });
  });

  it("summarise an email: subject and recipients, then each message's id", () => {
    const attempt = attemptSucceeded(
      startAttempt(1, startedAt),
      "action.send_email",
      { subject: "Missed call", sent: [{ to: "a@example.test", status: "sent", outboxId: "obx_2", providerMessageId: "re_1" }] },
      after(30),
    );
    expect(attempt).toMatchObject({
      request: { subject: "Missed call", to: ["a@example.test"] },
      response: { sent: [{ to: "a@example.test", status: "sent", outboxId: "obx_2", providerMessageId: "re_1" }] },
    });
  });

  it("mark only an attempt left in flight as interrupted, in plain words", () => {
    const failed = attemptFailed(startAttempt(1, startedAt), new Error("boom"), after(10), { willRetry: true, retryAt: after(1010) });
    const inFlight: StepAttempt = startAttempt(2, after(1010));
    const [first, second] = interruptInFlight([failed, inFlight]);
    expect(first).toEqual(failed);
    expect(second).toEqual({ ...inFlight, outcome: "interrupted", error: { name: "Interrupted", message: interruptedAttemptMessage } });
    expect(interruptedAttemptMessage).toMatch(/may have been delivered/);
  });
});
