import { describe, expect, it } from "vitest";
import { outboxMessages } from "@/db/schema";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { eq } from "drizzle-orm";

const handle = setupTestDatabase();

describe("inviting someone", () => {
  it("hands the link to the admin when no email service or mailbox can deliver it, and stores it nowhere", async () => {
    const config = testConfig({ email: { kind: "none", from: "Switchboard <test@switchboard.local>" } });
    const { user, organization } = await createUserWithOrg(handle.db, config, "Owner");
    const invitation = await callerFor(handle.db, config, user, organization.id).invitation.create({
      email: "newcomer@example.test",
      role: "editor",
    });

    expect(invitation.linkToShare).toMatch(/^http:\/\/localhost:3000\/invite\/[\w-]{20,}$/);
    const token = invitation.linkToShare!.split("/invite/")[1]!;
    const stored = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, organization.id));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("does not hand the link over when it was emailed (or put in the local mailbox)", async () => {
    const config = testConfig();
    const { user, organization } = await createUserWithOrg(handle.db, config, "Owner");
    const invitation = await callerFor(handle.db, config, user, organization.id).invitation.create({
      email: "other@example.test",
      role: "viewer",
    });
    expect(invitation.linkToShare).toBeUndefined();
  });
});
