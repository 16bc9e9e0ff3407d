import { describe, expect, it } from "vitest";
import { memberships, outboxMessages } from "@/db/schema";
import type { Role } from "@/lib/roles";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";

const handle = setupTestDatabase();
const config = testConfig();

describe("the Outbox page", () => {
  it("shows invitation emails to admins and owners only; everyone sees workflow messages", async () => {
    const { user: owner, organization } = await createUserWithOrg(handle.db, config, "Owner");
    const members: Partial<Record<Role, typeof owner>> = { owner };
    for (const role of ["admin", "editor", "viewer"] as const) {
      const { user } = await createUserWithOrg(handle.db, config, role);
      await handle.db.insert(memberships).values({ organizationId: organization.id, userId: user.id, role });
      members[role] = user;
    }
    const as = (role: Role) => callerFor(handle.db, config, members[role]!, organization.id);
    await as("owner").invitation.create({ email: "newcomer@example.test", role: "editor" });
    await handle.db.insert(outboxMessages).values({
      organizationId: organization.id,
      category: "workflow",
      channel: "email",
      to: "team@example.test",
      from: "Switchboard <test@switchboard.local>",
      subject: "New call",
      body: "A caller rang.",
      status: "simulated",
      provider: "outbox",
    });

    for (const role of ["owner", "admin"] as const) {
      const categories = (await as(role).outbox.list({ limit: 50 })).map((message) => message.category);
      expect(categories.sort(), role).toEqual(["invitation", "workflow"]);
    }
    for (const role of ["editor", "viewer"] as const) {
      const messages = await as(role).outbox.list({ limit: 50 });
      expect(
        messages.map((message) => message.category),
        role,
      ).toEqual(["workflow"]);
      expect(JSON.stringify(messages), role).not.toContain("/invite/");
      expect(await as(role).outbox.list({ channel: "email", limit: 50 }), role).toHaveLength(1);
    }
  });
});
