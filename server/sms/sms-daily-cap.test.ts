import { describe, expect, it } from "vitest";
import { organizations, outboxMessages, type OutboxCategory, type OutboxChannel, type OutboxStatus } from "@/db/schema";
import { setupTestDatabase } from "@/test-support/test-database";
import { createOutboxSmsSender } from "./outbox-sms-sender";
import { checkSmsDailyCap, releaseSmsDailyCap, reserveSmsDailyCap } from "./sms-daily-cap";

const HOUR = 60 * 60 * 1000;
const now = new Date("2025-06-02T15:00:00Z");

const handle = setupTestDatabase();
let orgCounter = 0;

async function newOrganization() {
  orgCounter += 1;
  const [org] = await handle.db
    .insert(organizations)
    .values({ name: `Org ${orgCounter}`, slug: `cap-org-${orgCounter}` })
    .returning();
  return org!.id;
}

async function addRow(
  organizationId: string,
  to: string,
  createdAt: Date,
  overrides: { status?: OutboxStatus; channel?: OutboxChannel; category?: OutboxCategory } = {},
) {
  await handle.db.insert(outboxMessages).values({
    organizationId,
    category: overrides.category ?? "workflow",
    channel: overrides.channel ?? "sms",
    to,
    from: "+12015550123",
    body: "Thanks for calling",
    status: overrides.status ?? "sent",
    provider: "twilio",
    createdAt,
  });
}

describe("SMS daily cap", () => {
  it("allows the 3rd text to a caller and refuses the 4th", async () => {
    const organizationId = await newOrganization();
    const to = "+14155552671";

    expect(await checkSmsDailyCap(handle.db, { organizationId, to, now })).toEqual({ allowed: true, sentToday: 0, limit: 3 });
    await addRow(organizationId, to, new Date(now.getTime() - 5 * HOUR));
    await addRow(organizationId, to, new Date(now.getTime() - 1 * HOUR));
    expect(await checkSmsDailyCap(handle.db, { organizationId, to, now })).toEqual({ allowed: true, sentToday: 2, limit: 3 });

    await addRow(organizationId, to, new Date(now.getTime() - 60_000), { status: "simulated" });
    expect(await checkSmsDailyCap(handle.db, { organizationId, to, now })).toEqual({
      allowed: false,
      sentToday: 3,
      limit: 3,
      message: "Already texted this caller 3 times today (daily limit)",
    });
  });

  it("counts per number and per organization", async () => {
    const organizationId = await newOrganization();
    const otherOrganization = await newOrganization();
    const to = "+14155552671";
    for (let i = 1; i <= 3; i++) await addRow(organizationId, to, new Date(now.getTime() - i * HOUR));

    expect((await checkSmsDailyCap(handle.db, { organizationId, to, now })).allowed).toBe(false);
    expect(await checkSmsDailyCap(handle.db, { organizationId, to: "+14155550199", now })).toEqual({
      allowed: true,
      sentToday: 0,
      limit: 3,
    });
    expect(await checkSmsDailyCap(handle.db, { organizationId: otherOrganization, to, now })).toEqual({
      allowed: true,
      sentToday: 0,
      limit: 3,
    });
  });

  it("does not count texts older than 24 hours, failed texts, emails or non-workflow messages", async () => {
    const organizationId = await newOrganization();
    const to = "+14155552671";
    await addRow(organizationId, to, new Date(now.getTime() - 24 * HOUR));
    await addRow(organizationId, to, new Date(now.getTime() - 30 * HOUR));
    await addRow(organizationId, to, new Date(now.getTime() - HOUR), { status: "failed" });
    await addRow(organizationId, to, new Date(now.getTime() - HOUR), { channel: "email" });
    await addRow(organizationId, to, new Date(now.getTime() - HOUR), { category: "alert" });
    await addRow(organizationId, to, new Date(now.getTime() - 24 * HOUR + 60_000));

    expect(await checkSmsDailyCap(handle.db, { organizationId, to, now })).toEqual({ allowed: true, sentToday: 1, limit: 3 });
  });

  it("matches the number however it is written, and honours a configured limit", async () => {
    const organizationId = await newOrganization();
    await addRow(organizationId, "+14155552671", new Date(now.getTime() - HOUR));

    const result = await checkSmsDailyCap(handle.db, { organizationId, to: "(415) 555-2671", limit: 1, now });
    expect(result).toEqual({ allowed: false, sentToday: 1, limit: 1, message: "Already texted this caller 1 time today (daily limit)" });
  });

  it("counts what the SMS sender records", async () => {
    const organizationId = await newOrganization();
    const send = createOutboxSmsSender(handle.db, () => {});
    for (let i = 0; i < 3; i++) {
      await send({
        organizationId,
        to: "415-555-2671",
        from: "+12015550123",
        body: `Text ${i}`,
        idempotencyKey: `${organizationId}:run_${i}:n`,
      });
    }
    const result = await checkSmsDailyCap(handle.db, { organizationId, to: "+14155552671" });
    expect(result).toMatchObject({ allowed: false, sentToday: 3 });
  });

  it("a text being sent holds its place: others see it, it keeps it when tried again, and releasing it frees it", async () => {
    const organizationId = await newOrganization();
    const reserve = (text: string) =>
      reserveSmsDailyCap(handle.db, { organizationId, to: "(415) 555-2672", idempotencyKey: `${organizationId}:${text}`, limit: 3 });
    for (const text of ["a", "b", "c"]) expect(await reserve(text)).toMatchObject({ allowed: true });

    expect(await reserve("d")).toMatchObject({ allowed: false, sentToday: 3 });
    expect(await checkSmsDailyCap(handle.db, { organizationId, to: "+14155552672" })).toMatchObject({ allowed: false, sentToday: 3 });
    expect(await reserve("a")).toMatchObject({ allowed: true, sentToday: 2 });

    await releaseSmsDailyCap(handle.db, `${organizationId}:a`);
    expect(await reserve("d")).toMatchObject({ allowed: true, sentToday: 2 });
  });
});
