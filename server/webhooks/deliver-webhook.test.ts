import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "@/test-support/stand-ins/webhook-receiver";
import {
  assertDelivered,
  classifyDeliveryOutcome,
  deliverWebhook,
  PermanentWebhookError,
  TransientWebhookError,
  type WebhookDelivery,
} from "./deliver-webhook";

const secret = `whsec_${Buffer.from("switchboard-test-signing-secret!").toString("base64")}`;
const payload = { event: { type: "call.completed", call: { id: "call_1" } }, workflow: "wf_1", run: "run_1" };

let receivers: WebhookReceiver[] = [];
async function receiver(options: Parameters<typeof startWebhookReceiver>[0] = {}): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver(options);
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(receivers.map((started) => started.close()));
  receivers = [];
});

const deliverTo = (urls: string[], overrides: Partial<Parameters<typeof deliverWebhook>[0]> = {}) =>
  deliverWebhook({ urls, payload, webhookId: "run_1:node_1", secret, allowPrivate: true, ...overrides });

describe("deliverWebhook", () => {
  it("retries against a receiver that fails twice: same webhook-id every time, every attempt verifies", async () => {
    const target = await receiver({ failFirst: 2 });
    const outcomes = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const { deliveries } = await deliverTo([target.url]);
      outcomes.push(classifyDeliveryOutcome(deliveries).outcome);
    }

    expect(outcomes).toEqual(["retry", "retry", "succeeded"]);
    const requests = await target.waitForRequests(3, 2000);
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((request) => request.headers["webhook-id"]))).toEqual(new Set(["run_1:node_1"]));
    const verifier = new Webhook(secret);
    for (const request of requests) {
      expect(verifier.verify(request.body, request.headers)).toEqual(payload);
    }
  });

  it("sends JSON with the sender's name, and marks test deliveries", async () => {
    const target = await receiver();
    await deliverTo([target.url], { test: true });
    await deliverTo([target.url]);
    const [testRequest, liveRequest] = target.requests;

    expect(testRequest!.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Switchboard-Webhooks/1",
      "x-switchboard-test": "true",
    });
    expect(JSON.parse(testRequest!.body)).toEqual(payload);
    expect(liveRequest!.headers["x-switchboard-test"]).toBeUndefined();
  });

  it("adds extra headers but never lets them replace the signature or content type", async () => {
    const target = await receiver();
    const { deliveries } = await deliverTo([target.url], {
      extraHeaders: {
        Authorization: "Bearer abc",
        "X-Team": "growth",
        "Webhook-Signature": "v1,forged",
        "webhook-id": "forged",
        "Content-Type": "text/plain",
      },
    });
    const received = target.requests[0]!;

    expect(received.headers).toMatchObject({ authorization: "Bearer abc", "x-team": "growth", "content-type": "application/json" });
    expect(received.headers["webhook-id"]).toBe("run_1:node_1");
    expect(new Webhook(secret).verify(received.body, received.headers)).toEqual(payload);
    expect(deliveries[0]!.request.headers["webhook-signature"]).toBe(received.headers["webhook-signature"]);
  });

  it("fails for good, without sending, when an extra header cannot be sent", async () => {
    const target = await receiver();
    const unsendable: Array<Record<string, string>> = [{ "bad header": "x" }, { "x-note": "line one\r\nx-injected: yes" }];
    for (const extraHeaders of unsendable) {
      const { deliveries } = await deliverTo([target.url], { extraHeaders });
      expect(deliveries[0]!.error).toEqual({ kind: "blocked", message: "A header name or value is not valid" });
      expect(classifyDeliveryOutcome(deliveries)).toEqual({ outcome: "permanent" });
    }
    expect(target.requests).toHaveLength(0);
  });

  it("signs with the given clock and serialises the payload once for every URL", async () => {
    const first = await receiver();
    const second = await receiver();
    const now = new Date();
    const { deliveries } = await deliverTo([first.url, second.url], { now: () => now });

    expect(deliveries.map((delivery) => delivery.response?.status)).toEqual([200, 200]);
    expect(first.requests[0]!.headers["webhook-timestamp"]).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(first.requests[0]!.body).toBe(second.requests[0]!.body);
    expect(first.requests[0]!.headers["webhook-signature"]).toBe(second.requests[0]!.headers["webhook-signature"]);
  });

  it("refuses the local receiver with the default setting, and says so in the delivery", async () => {
    const target = await receiver();
    // Only local targets here: if the guard ever broke, these requests would land on our own receiver.
    const { deliveries } = await deliverTo([target.url, `http://localhost:${target.port}/`], { allowPrivate: false });

    expect(deliveries.map((delivery) => delivery.error)).toEqual([
      { kind: "blocked", message: "Address is private and not allowed" },
      { kind: "blocked", message: "Address is private and not allowed" },
    ]);
    expect(target.requests).toHaveLength(0);
    expect(classifyDeliveryOutcome(deliveries)).toEqual({ outcome: "permanent" });
  });

  it("refuses a host name with one public and one private address at send time", async () => {
    const target = await receiver();
    const { deliveries } = await deliverTo([`http://hooks.example.test:${target.port}/`], {
      allowPrivate: false,
      lookup: async () => [
        { address: "127.0.0.1", family: 4 },
        { address: "2606:4700::1", family: 6 },
      ],
    });
    expect(deliveries[0]!.error?.kind).toBe("blocked");
    expect(target.requests).toHaveLength(0);
  });

  it("records each URL's request and response for the run log", async () => {
    const target = await receiver({ respondWith: () => ({ status: 201, body: "created" }) });
    const { deliveries } = await deliverTo([`${target.url}/a`]);

    expect(deliveries).toEqual([
      {
        url: `${target.url}/a`,
        request: { method: "POST", headers: expect.objectContaining({ "webhook-id": "run_1:node_1" }), body: JSON.stringify(payload) },
        response: expect.objectContaining({ status: 201, body: "created", truncated: false }),
      },
    ]);
  });

  it("classifies a client error as permanent and a 429 with Retry-After as a retry after that long", async () => {
    const gone = await receiver({ respondWith: () => ({ status: 404, body: "no such hook" }) });
    const busy = await receiver({ respondWith: () => ({ status: 429, headers: { "Retry-After": "120" } }) });
    const timeout = await receiver({ respondWith: () => ({ status: 408 }) });

    expect(classifyDeliveryOutcome((await deliverTo([gone.url])).deliveries)).toEqual({ outcome: "permanent" });
    expect(classifyDeliveryOutcome((await deliverTo([busy.url])).deliveries)).toEqual({ outcome: "retry", retryAfterSeconds: 120 });
    expect(classifyDeliveryOutcome((await deliverTo([timeout.url])).deliveries)).toEqual({ outcome: "retry" });
  });

  it("classifies a slow receiver and a closed port as retries", async () => {
    const slow = await receiver({ respondWith: () => new Promise(() => {}) });
    const closed = await startWebhookReceiver();
    await closed.close();
    const { deliveries } = await deliverTo([slow.url, closed.url], { timeoutMs: 300 });

    expect(deliveries.map((delivery) => delivery.error?.kind)).toEqual(["timeout", "connection_refused"]);
    expect(classifyDeliveryOutcome(deliveries)).toEqual({ outcome: "retry" });
  });
});

describe("classifyDeliveryOutcome", () => {
  const delivery = (outcome: Pick<WebhookDelivery, "response" | "error">): WebhookDelivery => ({
    url: "https://hooks.example.com/",
    request: { method: "POST", headers: {}, body: "{}" },
    ...outcome,
  });
  const answered = (status: number, headers: Record<string, string> = {}) =>
    delivery({ response: { status, headers, body: "", truncated: false, durationMs: 1 } });

  it("succeeds only when every URL answered 2xx", () => {
    expect(classifyDeliveryOutcome([answered(200), answered(204)])).toEqual({ outcome: "succeeded" });
    expect(classifyDeliveryOutcome([answered(200), answered(301)])).toEqual({ outcome: "permanent" });
  });

  it("retries server errors, and lets a transient failure win over a permanent one", () => {
    expect(classifyDeliveryOutcome([answered(503)])).toEqual({ outcome: "retry" });
    expect(classifyDeliveryOutcome([answered(400), answered(502)])).toEqual({ outcome: "retry" });
    expect(classifyDeliveryOutcome([delivery({ error: { kind: "network", message: "x" } })])).toEqual({ outcome: "retry" });
    expect(classifyDeliveryOutcome([delivery({ error: { kind: "dns", message: "x" } })])).toEqual({ outcome: "retry" });
  });

  it("reads Retry-After as seconds or as a date, taking the longest wait", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    expect(
      classifyDeliveryOutcome(
        [answered(429, { "retry-after": "30" }), answered(429, { "retry-after": "Tue, 01 Jan 2030 00:01:00 GMT" })],
        now,
      ),
    ).toEqual({ outcome: "retry", retryAfterSeconds: 60 });
    expect(classifyDeliveryOutcome([answered(429, { "retry-after": "soon" })], now)).toEqual({ outcome: "retry" });
  });

  it("throws the matching error with the deliveries attached", () => {
    const notFound = [answered(404)];
    const busy = [answered(429, { "retry-after": "7" })];

    expect(() => assertDelivered([answered(200)])).not.toThrow();
    expect(() => assertDelivered(notFound)).toThrow(PermanentWebhookError);
    expect(() => assertDelivered(notFound)).toThrow("https://hooks.example.com/ answered 404");
    try {
      assertDelivered(busy);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TransientWebhookError);
      expect(error).toMatchObject({ retryAfterSeconds: 7, deliveries: busy });
    }
  });
});
