import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { signWebhook } from "./sign-webhook";

const secret = `whsec_${Buffer.from("a-test-secret-of-some-length-123").toString("base64")}`;

describe("signWebhook", () => {
  it("produces Standard Webhooks headers that the package's verifier accepts", () => {
    const body = JSON.stringify({ call: { id: "c1" } });
    const timestamp = new Date();
    const headers = signWebhook({ secret, webhookId: "run_1:node_1", timestamp, body });

    expect(headers["webhook-id"]).toBe("run_1:node_1");
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(timestamp.getTime() / 1000)));
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual({ call: { id: "c1" } });
  });

  it("does not verify a changed body, another secret or another id", () => {
    const body = JSON.stringify({ amount: 1 });
    const headers = signWebhook({ secret, webhookId: "run_1:node_1", timestamp: new Date(), body });
    const otherSecret = `whsec_${Buffer.from("another-secret-entirely-000000000").toString("base64")}`;

    expect(() => new Webhook(secret).verify(JSON.stringify({ amount: 2 }), headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(otherSecret).verify(body, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-id": "run_1:node_2" })).toThrow(WebhookVerificationError);
  });
});
