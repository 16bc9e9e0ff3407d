import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { organizations, outboxMessages } from "@/db/schema";
import { setupTestDatabase } from "@/test-support/test-database";
import { createSmsSender } from "./create-sms-sender";
import { createOutboxSmsSender } from "./outbox-sms-sender";
import { SmsDeliveryError } from "./sms-sender";

const handle = setupTestDatabase();
let organizationId: string;

beforeAll(async () => {
  const [org] = await handle.db.insert(organizations).values({ name: "Acme", slug: "acme-outbox" }).returning();
  organizationId = org!.id;
});

describe("outbox SMS sender (no Twilio configured)", () => {
  it("records a simulated row and logs one line", async () => {
    const lines: string[] = [];
    const send = createOutboxSmsSender(handle.db, (line) => lines.push(line));

    const result = await send({
      organizationId,
      to: "415 555 2671",
      from: "+12015550123",
      body: "We missed your call, we'll ring you back.",
      idempotencyKey: "run_a:node_1",
      runId: "run_a",
      nodeId: "node_1",
    });

    expect(result.status).toBe("simulated");
    expect(result.providerMessageId).toBeUndefined();
    const rows = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, result.outboxId));
    expect(rows[0]).toMatchObject({
      organizationId,
      channel: "sms",
      category: "workflow",
      to: "+14155552671",
      status: "simulated",
      provider: "outbox",
      idempotencyKey: "run_a:node_1",
      runId: "run_a",
      nodeId: "node_1",
    });
    expect(lines).toEqual(["[outbox] sms to +14155552671 from +12015550123: We missed your call, we'll ring you back."]);
  });

  it("records one row and logs once for the same idempotency key", async () => {
    const lines: string[] = [];
    const send = createOutboxSmsSender(handle.db, (line) => lines.push(line));
    const sms = { organizationId, to: "+14155552671", from: "+12015550123", body: "Hi", idempotencyKey: "run_b:node_1" };

    const first = await send(sms);
    const second = await send(sms);

    expect(second).toEqual(first);
    expect(lines).toHaveLength(1);
    const rows = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, "run_b:node_1"));
    expect(rows).toHaveLength(1);
  });

  it("refuses an invalid number even in outbox mode, as a permanent error with a failed row", async () => {
    const send = createOutboxSmsSender(handle.db, () => {});
    const error = await send({ organizationId, to: "hello", from: "+12015550123", body: "Hi", idempotencyKey: "run_c:node_1" }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(SmsDeliveryError);
    expect(error).toMatchObject({ permanent: true, message: `"hello" isn't a phone number` });
    const rows = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, "run_c:node_1"));
    expect(rows).toMatchObject([{ status: "failed", provider: "outbox" }]);
  });

  it("never shares a row across organizations, even if a key were reused", async () => {
    const [other] = await handle.db.insert(organizations).values({ name: "Other", slug: "other-outbox" }).returning();
    const send = createOutboxSmsSender(handle.db, () => {});
    await send({ organizationId, to: "+14155552671", from: "+12015550123", body: "Hi", idempotencyKey: "run_d:node_1" });

    await expect(
      send({ organizationId: other!.id, to: "+14155552671", from: "+12015550123", body: "Hi", idempotencyKey: "run_d:node_1" }),
    ).rejects.toThrow(/another organization/);
  });

  it("is what createSmsSender picks when no Twilio account is configured", async () => {
    const result = await createSmsSender(
      undefined,
      handle.db,
    )({
      organizationId,
      to: "+14155552671",
      from: "+12015550123",
      body: "Hi",
      idempotencyKey: "run_e:node_1",
    });
    expect(result.status).toBe("simulated");
    const rows = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, result.outboxId));
    expect(rows).toMatchObject([{ provider: "outbox", status: "simulated" }]);
  });
});
