import { describe, expect, it } from "vitest";
import { outboxMessages, type OutboxCategory } from "@/db/schema";
import { setupTestDatabase } from "@/test-support/test-database";
import { normalizeMailboxAddress, openMailboxAddress, sealMailboxAddress } from "./mailbox-recipient";
import { listSystemMail } from "./system-mailbox";

const handle = setupTestDatabase();

async function mail(to: string, category: OutboxCategory, subject: string) {
  await handle.db.insert(outboxMessages).values({
    category,
    channel: "email",
    to,
    from: "Switchboard <test@switchboard.local>",
    subject,
    body: subject,
    actionUrl: `http://localhost:3000/${category}`,
    status: "simulated",
    provider: "outbox",
  });
}

describe("the local mailbox", () => {
  it("lists only the sign-in and invitation emails to the address this browser typed", async () => {
    await mail("ada@example.test", "sign_in", "Ada's sign-in");
    await mail("Ada@Example.test", "invitation", "Ada's invitation");
    await mail("ada@example.test", "workflow", "Ada's workflow email");
    await mail("bob@example.test", "sign_in", "Bob's sign-in");
    await mail("bob@example.test", "invitation", "Bob's invitation");

    const subjects = (await listSystemMail(handle.db, "ada@example.test")).map((message) => message.subject);

    expect(subjects.sort()).toEqual(["Ada's invitation", "Ada's sign-in"]);
    expect(await listSystemMail(handle.db, "carol@example.test")).toEqual([]);
  });

  it("remembers the address the way Auth.js records it (trimmed, lower-case)", () => {
    expect(normalizeMailboxAddress("  Ada@Example.TEST ")).toBe("ada@example.test");
    expect(normalizeMailboxAddress("not an address")).toBeUndefined();
    expect(normalizeMailboxAddress(null)).toBeUndefined();
    expect(normalizeMailboxAddress(`${"a".repeat(320)}@example.test`)).toBeUndefined();
  });

  it("trusts only a mailbox cookie the sign-in form sealed with the server's secret", () => {
    const secret = "test-secret-test-secret";
    const sealed = sealMailboxAddress("ada@example.test", secret);
    expect(openMailboxAddress(sealed, secret)).toBe("ada@example.test");
    expect(openMailboxAddress("ada@example.test", secret)).toBeUndefined();
    expect(openMailboxAddress(sealed.replace("ada@", "eve@"), secret)).toBeUndefined();
    expect(openMailboxAddress(sealed, "another-secret-entirely")).toBeUndefined();
    expect(openMailboxAddress(undefined, secret)).toBeUndefined();
  });
});
