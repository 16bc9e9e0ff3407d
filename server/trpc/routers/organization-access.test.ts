import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations, memberships, outboxMessages } from "@/db/schema";
import type { Role } from "@/lib/roles";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";

const handle = setupTestDatabase();
const config = testConfig();

async function expectCode(promise: Promise<unknown>, code: TRPCError["code"]) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  return error as TRPCError;
}

/** An org owned by `owner` with one member of each given role. */
async function orgWithMembers(...memberRoles: Role[]) {
  const owner = await createUserWithOrg(handle.db, config, "Owner");
  const members: Record<string, Awaited<ReturnType<typeof createUserWithOrg>>["user"]> = {};
  for (const role of memberRoles) {
    const { user } = await createUserWithOrg(handle.db, config, role);
    await handle.db.insert(memberships).values({ organizationId: owner.organization.id, userId: user.id, role });
    members[role] = user;
  }
  const as = (user: typeof owner.user) => callerFor(handle.db, config, user, owner.organization.id);
  return { owner, members, as, orgId: owner.organization.id };
}

async function membershipIdOf(orgId: string, userId: string) {
  const rows = await handle.db.select().from(memberships).where(eq(memberships.organizationId, orgId));
  return rows.find((row) => row.userId === userId)!.id;
}

describe("signed-out callers", () => {
  it("are refused by every tenant procedure", async () => {
    const anonymous = callerFor(handle.db, config, null);
    await expectCode(anonymous.organization.current(), "UNAUTHORIZED");
    await expectCode(anonymous.member.list(), "UNAUTHORIZED");
    await expectCode(anonymous.invitation.create({ email: "a@example.test", role: "viewer" }), "UNAUTHORIZED");
  });
});

describe("roles", () => {
  it("refuse member and invitation management below admin, with a readable reason", async () => {
    const { members, as, orgId } = await orgWithMembers("editor", "viewer", "admin");
    const adminMembership = await membershipIdOf(orgId, members.admin!.id);
    for (const role of ["editor", "viewer"] as const) {
      const caller = as(members[role]!);
      const error = await expectCode(caller.invitation.create({ email: "x@example.test", role: "viewer" }), "FORBIDDEN");
      expect(error.message).toMatch(/needs the Admin role/);
      await expectCode(caller.invitation.list(), "FORBIDDEN");
      await expectCode(caller.invitation.revoke({ invitationId: "inv_x" }), "FORBIDDEN");
      await expectCode(caller.member.changeRole({ membershipId: adminMembership, role: "viewer" }), "FORBIDDEN");
      await expectCode(caller.member.remove({ membershipId: adminMembership }), "FORBIDDEN");
      await expectCode(caller.organization.update({ name: "Renamed" }), "FORBIDDEN");
      // Everyone may read the member list.
      expect((await caller.member.list()).length).toBe(4);
    }
  });

  it("let an admin manage members but not the owner role", async () => {
    const { owner, members, as, orgId } = await orgWithMembers("admin", "viewer");
    const admin = as(members.admin!);
    const viewerMembership = await membershipIdOf(orgId, members.viewer!.id);
    await admin.member.changeRole({ membershipId: viewerMembership, role: "editor" });
    await expectCode(admin.member.changeRole({ membershipId: viewerMembership, role: "owner" }), "FORBIDDEN");
    await expectCode(admin.invitation.create({ email: "boss@example.test", role: "owner" }), "FORBIDDEN");
    const ownerMembership = await membershipIdOf(orgId, owner.user.id);
    await expectCode(admin.member.remove({ membershipId: ownerMembership }), "FORBIDDEN");
    await admin.member.remove({ membershipId: viewerMembership });
    expect((await admin.member.list()).map((member) => member.role).sort()).toEqual(["admin", "owner"]);
  });
});

describe("tenant isolation", () => {
  it("answers not-found for ids from another organization, and lists nothing of it", async () => {
    const orgA = await orgWithMembers("viewer");
    const orgB = await orgWithMembers("viewer");
    const bViewerMembership = await membershipIdOf(orgB.orgId, orgB.members.viewer!.id);
    const invitationB = await orgB.as(orgB.owner.user).invitation.create({ email: "b-invitee@example.test", role: "viewer" });
    const ownerA = orgA.as(orgA.owner.user);

    await expectCode(ownerA.member.changeRole({ membershipId: bViewerMembership, role: "admin" }), "NOT_FOUND");
    await expectCode(ownerA.member.remove({ membershipId: bViewerMembership }), "NOT_FOUND");
    await expectCode(ownerA.invitation.revoke({ invitationId: invitationB.id }), "NOT_FOUND");
    expect((await ownerA.member.list()).map((member) => member.userId)).not.toContain(orgB.owner.user.id);
    expect(await ownerA.invitation.list()).toEqual([]);
    expect((await ownerA.outbox.list({ limit: 50 })).map((message) => message.to)).not.toContain("b-invitee@example.test");
  });

  it("does not let a non-member act in an organization by naming it", async () => {
    const orgB = await orgWithMembers();
    const outsider = await createUserWithOrg(handle.db, config, "Outsider");
    const caller = callerFor(handle.db, config, outsider.user, orgB.orgId);
    // The active organization falls back to the outsider's own.
    expect((await caller.organization.current()).id).toBe(outsider.organization.id);
    await expectCode(caller.organization.switch({ organizationId: orgB.orgId }), "NOT_FOUND");
    const ownerMembership = await membershipIdOf(orgB.orgId, orgB.owner.user.id);
    await expectCode(caller.member.remove({ membershipId: ownerMembership }), "NOT_FOUND");
  });
});

describe("invitations", () => {
  it("sends an email through the outbox and lets the invitee join with that role", async () => {
    const { as, orgId } = await orgWithMembers();
    const { user: invitee } = await createUserWithOrg(handle.db, config, "Invitee");
    const ownerCaller = as((await orgWithMembersOwner(orgId))!);
    await ownerCaller.invitation.create({ email: invitee.email!.toUpperCase(), role: "editor" });

    const [mail] = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.to, invitee.email!));
    expect(mail?.category).toBe("invitation");
    expect(mail?.status).toBe("simulated");
    const token = mail!.actionUrl!.split("/invite/")[1]!;
    expect(mail!.body).toContain(mail!.actionUrl!);

    const inviteeCaller = callerFor(handle.db, config, invitee);
    const preview = await inviteeCaller.invitation.get({ token });
    expect(preview).toMatchObject({ role: "editor", emailMatches: true, expired: false, accepted: false });
    await inviteeCaller.invitation.accept({ token });
    expect(await inviteeCaller.organization.current()).toMatchObject({ id: orgId, role: "editor" });
    await expectCode(inviteeCaller.invitation.accept({ token }), "BAD_REQUEST");
  });

  it("refuses a different email, an expired invitation and an unknown token", async () => {
    const { owner, as } = await orgWithMembers();
    const stranger = await createUserWithOrg(handle.db, config, "Stranger");
    await as(owner.user).invitation.create({ email: "someone-else@example.test", role: "viewer" });
    const [mail] = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.to, "someone-else@example.test"));
    const token = mail!.actionUrl!.split("/invite/")[1]!;
    const strangerCaller = callerFor(handle.db, config, stranger.user);
    const error = await expectCode(strangerCaller.invitation.accept({ token }), "FORBIDDEN");
    expect(error.message).toContain("someone-else@example.test");

    await handle.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, "someone-else@example.test"));
    const expiredUser = await createUserWithOrg(handle.db, config, "Late");
    await as(owner.user).invitation.create({ email: expiredUser.user.email!, role: "viewer" });
    await handle.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, expiredUser.user.email!));
    const [lateMail] = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.to, expiredUser.user.email!));
    const lateToken = lateMail!.actionUrl!.split("/invite/")[1]!;
    await expectCode(callerFor(handle.db, config, expiredUser.user).invitation.accept({ token: lateToken }), "BAD_REQUEST");

    await expectCode(strangerCaller.invitation.get({ token: "x".repeat(43) }), "NOT_FOUND");
  });

  it("refuses to invite an existing member and explains bad input in words", async () => {
    const { owner, members, as } = await orgWithMembers("viewer");
    const caller = as(owner.user);
    const conflict = await expectCode(caller.invitation.create({ email: members.viewer!.email!, role: "viewer" }), "CONFLICT");
    expect(conflict.message).toContain("already a member");
    const invalid = await expectCode(caller.invitation.create({ email: "not-an-email", role: "viewer" }), "BAD_REQUEST");
    expect(invalid.message).toContain("Enter an email address");
  });
});

describe("owners", () => {
  it("an organization always keeps at least one owner", async () => {
    const { owner, members, as, orgId } = await orgWithMembers("admin");
    const ownerCaller = as(owner.user);
    const ownerMembership = await membershipIdOf(orgId, owner.user.id);
    await expectCode(ownerCaller.member.leave(), "BAD_REQUEST");
    await expectCode(ownerCaller.member.changeRole({ membershipId: ownerMembership, role: "admin" }), "BAD_REQUEST");

    const adminMembership = await membershipIdOf(orgId, members.admin!.id);
    await ownerCaller.member.changeRole({ membershipId: adminMembership, role: "owner" });
    await ownerCaller.member.leave();
    const remaining = await as(members.admin!).member.list();
    expect(remaining.map((member) => [member.userId, member.role])).toEqual([[members.admin!.id, "owner"]]);
  });

  it("a user who left every organization gets a fresh personal one", async () => {
    const { members, as } = await orgWithMembers("viewer");
    const viewer = members.viewer!;
    const viewerCaller = as(viewer);
    await viewerCaller.member.leave(); // leaves the shared org
    const personal = await viewerCaller.organization.current();
    await handle.db.delete(memberships).where(eq(memberships.userId, viewer.id));
    const fresh = await callerFor(handle.db, config, viewer).organization.current();
    expect(fresh.id).not.toBe(personal.id);
    expect(fresh.role).toBe("owner");
  });
});

async function orgWithMembersOwner(orgId: string) {
  const rows = await handle.db.select().from(memberships).where(eq(memberships.organizationId, orgId));
  const ownerRow = rows.find((row) => row.role === "owner")!;
  return { id: ownerRow.userId, email: null, name: null };
}
