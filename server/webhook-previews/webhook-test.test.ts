import { TRPCError } from "@trpc/server";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships } from "@/db/schema";
import { sampleEvent } from "@/engine";
import { graphOf, trigger } from "@/engine/test-support/graph-builder";
import { startWebhookReceiver, type WebhookReceiver } from "@/test-support/stand-ins/webhook-receiver";
import type { AppConfig } from "@/server/config/app-config";
import { recordEvent } from "@/server/events/record-events";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { trpcCodeOf } from "@/test-support/rejections";

const handle = setupTestDatabase();
const permissive = testConfig({ allowPrivateWebhookTargets: true });
const strict: AppConfig = { ...permissive, allowPrivateWebhookTargets: false };
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver({
    respondWith: () => ({ status: 202, body: '{"received":true}', headers: { "x-receiver": "crm" } }),
  });
});
afterAll(async () => {
  await receiver?.close();
});

async function setup(name: string, config: AppConfig = permissive) {
  const { user, organization } = await createUserWithOrg(handle.db, config, name);
  const caller = callerFor(handle.db, config, user, organization.id);
  const { id: workflowId } = await caller.workflow.importJson({
    name: `${name}'s workflow`,
    graph: graphOf([trigger("t")], []),
    publish: false,
  });
  const secret = (await caller.webhookSecret.get()).secret!;
  return { user, organization, caller, workflowId, secret };
}

const sample = { source: "sample" as const, payload: sampleEvent("call.missed") };
const hookConfig = (url: string) => ({ urls: [url], headers: [{ name: "X-Api-Key", value: "abc123" }] });

describe("the Test webhook button", () => {
  it("previews the exact signed request and sends it, with the test marker, to a receiver that verifies the signature", async () => {
    const { caller, workflowId, secret } = await setup("Sender");
    const url = `${receiver.url}/crm/hook`;
    const preview = await caller.workflow.previewTestWebhook({ workflowId, nodeId: "hook", config: hookConfig(url), event: sample });
    expect(preview.urls).toEqual([url]);
    expect(preview.headers).toMatchObject({ "content-type": "application/json", "x-switchboard-test": "true", "x-api-key": "abc123" });
    expect(Object.keys(preview.headers)).toEqual(expect.arrayContaining(["webhook-id", "webhook-timestamp", "webhook-signature"]));
    expect(new Webhook(secret).verify(preview.body, preview.headers)).toMatchObject({ type: "call.missed", run: { mode: "test" } });

    const before = receiver.requests.length;
    const sent = await caller.workflow.sendTestWebhook({ workflowId, nodeId: "hook", config: hookConfig(url), event: sample });
    const [delivery] = sent.deliveries;
    expect(delivery!.response).toMatchObject({ status: 202, body: '{"received":true}', headers: { "x-receiver": "crm" } });
    expect(delivery!.response!.durationMs).toEqual(expect.any(Number));

    expect(receiver.requests.length).toBe(before + 1);
    const received = receiver.requests.at(-1)!;
    expect(received.path).toBe("/crm/hook");
    expect(received.headers["x-switchboard-test"]).toBe("true");
    expect(received.headers["x-api-key"]).toBe("abc123");
    expect(received.body).toBe(preview.body);
    const verified = new Webhook(secret).verify(received.body, received.headers) as { type: string; caller: { phone_number: string } };
    expect(verified.caller.phone_number).toBe("+14155550123");
    expect(delivery!.request.headers["webhook-signature"]).toBe(received.headers["webhook-signature"]);

    const kept = await caller.workflow.testWebhookDeliveries({ workflowId, nodeId: "hook" });
    expect(kept.map((row) => row.id)).toEqual([sent.id]);
  });

  it("uses a real event of the organization when asked", async () => {
    const { organization, caller, workflowId, secret } = await setup("Recent");
    const event = sampleEvent("call.missed");
    event.caller!.phone_number = "+14155550177";
    const { eventId } = await recordEvent(handle.db, { organization, source: "api", idempotencyKey: "recent-hook", event });
    const sent = await caller.workflow.sendTestWebhook({
      workflowId,
      nodeId: "hook",
      config: hookConfig(`${receiver.url}/recent`),
      event: { source: "recent", eventId },
    });
    const body = new Webhook(secret).verify(sent.deliveries[0]!.request.body, sent.deliveries[0]!.request.headers) as {
      id: string;
      caller: { phone_number: string };
    };
    expect(body).toMatchObject({ id: eventId, caller: { phone_number: "+14155550177" } });
  });

  it("refuses private addresses when the private-target setting is off", async () => {
    const { caller, workflowId } = await setup("Strict", strict);
    const before = receiver.requests.length;
    const sent = await caller.workflow.sendTestWebhook({
      workflowId,
      nodeId: "hook",
      config: hookConfig(`${receiver.url}/private`),
      event: sample,
    });
    expect(sent.deliveries[0]).toMatchObject({ error: { kind: "blocked", message: "Address is private and not allowed" } });
    expect(sent.deliveries[0]!.response).toBeUndefined();
    expect(receiver.requests.length).toBe(before);
  });

  it("says so in words when nothing listens", async () => {
    const closed = await startWebhookReceiver();
    const url = `${closed.url}/gone`;
    await closed.close();
    const { caller, workflowId } = await setup("Refused");
    const sent = await caller.workflow.sendTestWebhook({ workflowId, nodeId: "hook", config: hookConfig(url), event: sample });
    expect(sent.deliveries[0]!.error).toEqual({ kind: "connection_refused", message: "Connection refused" });
  });

  it("keeps the last five test deliveries of a step", async () => {
    const { caller, workflowId } = await setup("Keeper");
    const ids: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      const sent = await caller.workflow.sendTestWebhook({
        workflowId,
        nodeId: "hook",
        config: hookConfig(`${receiver.url}/keep`),
        event: sample,
      });
      ids.push(sent.id);
    }
    await caller.workflow.sendTestWebhook({ workflowId, nodeId: "other", config: hookConfig(`${receiver.url}/keep`), event: sample });
    const kept = await caller.workflow.testWebhookDeliveries({ workflowId, nodeId: "hook" });
    expect(kept).toHaveLength(5);
    expect(kept.map((row) => row.id).sort()).toEqual(ids.slice(1).sort());
    expect(await caller.workflow.testWebhookDeliveries({ workflowId, nodeId: "other" })).toHaveLength(1);
  });

  it("rejects invalid settings and events with a readable message", async () => {
    const { caller, workflowId } = await setup("Invalid");
    const badUrl = await caller.workflow
      .previewTestWebhook({ workflowId, nodeId: "hook", config: { urls: ["not a url"], headers: [] }, event: sample })
      .catch((caught: unknown) => caught as TRPCError);
    expect((badUrl as TRPCError).code).toBe("BAD_REQUEST");
    expect((badUrl as TRPCError).message).toContain("Enter a full address starting with https://");
    const badEvent = await caller.workflow
      .previewTestWebhook({
        workflowId,
        nodeId: "hook",
        config: hookConfig(`${receiver.url}/x`),
        event: { source: "sample", payload: { type: "call.missed" } },
      })
      .catch((caught: unknown) => caught as TRPCError);
    expect((badEvent as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("is for editors and up, within their own organization", async () => {
    const owner = await setup("Owner");
    const other = await setup("Other");
    const viewer = await createUserWithOrg(handle.db, permissive, "Viewer");
    await handle.db.insert(memberships).values({ organizationId: owner.organization.id, userId: viewer.user.id, role: "viewer" });
    const asViewer = callerFor(handle.db, permissive, viewer.user, owner.organization.id);
    const input = { workflowId: owner.workflowId, nodeId: "hook", config: hookConfig(`${receiver.url}/roles`), event: sample };
    const before = receiver.requests.length;

    expect(await trpcCodeOf(() => asViewer.workflow.sendTestWebhook(input))).toBe("FORBIDDEN");
    expect(await trpcCodeOf(() => asViewer.workflow.previewTestWebhook(input))).toBe("FORBIDDEN");
    expect(await trpcCodeOf(() => other.caller.workflow.sendTestWebhook(input))).toBe("NOT_FOUND");
    expect(await trpcCodeOf(() => other.caller.workflow.testWebhookDeliveries({ workflowId: owner.workflowId, nodeId: "hook" }))).toBe(
      "NOT_FOUND",
    );
    expect(receiver.requests.length).toBe(before);

    const { eventId } = await recordEvent(handle.db, {
      organization: owner.organization,
      source: "api",
      idempotencyKey: "owner-event",
      event: sampleEvent("call.missed"),
    });
    expect(
      await trpcCodeOf(() =>
        other.caller.workflow.previewTestWebhook({ ...input, workflowId: other.workflowId, event: { source: "recent", eventId } }),
      ),
    ).toBe("NOT_FOUND");
  });
});
