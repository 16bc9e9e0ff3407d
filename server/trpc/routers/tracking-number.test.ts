import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { memberships } from "@/db/schema";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { unavailableNumberMessage } from "@/server/tracking-numbers/tracking-numbers";

const handle = setupTestDatabase();
const config = testConfig({ appUrl: "https://switchboard.example.com" });

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`Expected a TRPCError, got ${String(error)}`);
  // Input errors reach people as "field: message" (the error formatter in server/trpc/init.ts).
  const zod = error.cause instanceof ZodError ? error.cause : null;
  const message = zod ? zod.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") : error.message;
  return { code: error.code, message };
}

async function team() {
  const owner = await createUserWithOrg(handle.db, config, "Owner");
  const others = await Promise.all(["Admin", "Editor", "Viewer"].map((name) => createUserWithOrg(handle.db, config, name)));
  await handle.db.insert(memberships).values(
    (["admin", "editor", "viewer"] as const).map((role, index) => ({
      organizationId: owner.organization.id,
      userId: others[index]!.user.id,
      role,
    })),
  );
  const as = (user: typeof owner.user) => callerFor(handle.db, config, user, owner.organization.id);
  return {
    organization: owner.organization,
    owner: as(owner.user),
    admin: as(others[0]!.user),
    editor: as(others[1]!.user),
    viewer: as(others[2]!.user),
  };
}

const webhookUrls = {
  voiceUrl: "https://switchboard.example.com/api/twilio/voice",
  statusCallbackUrl: "https://switchboard.example.com/api/twilio/status",
  messagingUrl: "https://switchboard.example.com/api/twilio/sms",
};

describe("trackingNumber procedures", () => {
  it("let admins add numbers as people type them, stored in E.164 with the URLs to paste into Twilio", async () => {
    const { admin, viewer, editor } = await team();
    const created = await admin.trackingNumber.create({
      phoneNumber: "(415) 555-0120",
      label: " Spring mailer ",
      source: "Direct mail",
      businessNumber: "510.555.0111",
    });
    expect(created).toMatchObject({
      phoneNumber: "+14155550120",
      label: "Spring mailer",
      source: "Direct mail",
      businessNumber: "+15105550111",
      defaultSmsSender: false,
      webhookUrls,
    });
    expect(created.id).toMatch(/^num_/);
    expect(await viewer.trackingNumber.list()).toEqual([created]);
    expect(await editor.trackingNumber.setup()).toEqual({ twilioConnected: false, webhookUrls });

    const updated = await admin.trackingNumber.update({ trackingNumberId: created.id, label: "Fall mailer", source: "" });
    expect(updated).toMatchObject({ label: "Fall mailer", source: null, phoneNumber: "+14155550120" });
    expect(await admin.trackingNumber.delete({ trackingNumberId: created.id })).toEqual({ deleted: created.id });
    expect(await viewer.trackingNumber.list()).toEqual([]);
  });

  it("keep viewers and editors to reading", async () => {
    const { admin, viewer, editor, owner } = await team();
    const input = { phoneNumber: "+14155550121", label: "Billboard", businessNumber: "+15105550111" };
    expect((await failure(viewer.trackingNumber.create(input))).code).toBe("FORBIDDEN");
    expect((await failure(editor.trackingNumber.create(input))).code).toBe("FORBIDDEN");
    const { id } = await owner.trackingNumber.create(input);
    expect((await failure(editor.trackingNumber.update({ trackingNumberId: id, label: "x" }))).code).toBe("FORBIDDEN");
    expect((await failure(viewer.trackingNumber.delete({ trackingNumberId: id }))).code).toBe("FORBIDDEN");
    expect((await failure(editor.callrail.getEndpoint())).code).toBe("FORBIDDEN");
    expect((await failure(editor.callrail.rotateToken())).code).toBe("FORBIDDEN");
    expect(await editor.trackingNumber.list()).toHaveLength(1);
    await admin.trackingNumber.delete({ trackingNumberId: id });
  });

  it("explain what is wrong with a phone number", async () => {
    const { admin } = await team();
    const bad = await failure(admin.trackingNumber.create({ phoneNumber: "555-0100", label: "x", businessNumber: "+15105550111" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toBe(
      `phoneNumber: "555-0100" isn't a valid US phone number — enter the tracking number with its country code, such as +14155550100`,
    );
    const words = await failure(admin.trackingNumber.create({ phoneNumber: "+14155550122", label: "x", businessNumber: "call me" }));
    expect(words.message).toContain(`businessNumber: "call me" isn't a phone number`);
    const loop = await failure(admin.trackingNumber.create({ phoneNumber: "+14155550122", label: "x", businessNumber: "(415) 555-0122" }));
    expect(loop).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("forward to themselves") });
    const noLabel = await failure(
      admin.trackingNumber.create({ phoneNumber: "+14155550122", label: "  ", businessNumber: "+15105550111" }),
    );
    expect(noLabel.message).toContain("label");
  });

  it("refuse a number that is already tracked, here or in another organization", async () => {
    const mine = await team();
    const theirs = await team();
    await theirs.admin.trackingNumber.create({ phoneNumber: "+14155550130", label: "Theirs", businessNumber: "+15105550111" });
    const taken = await failure(
      mine.admin.trackingNumber.create({ phoneNumber: "4155550130", label: "Mine", businessNumber: "+15105550111" }),
    );
    expect(taken).toMatchObject({ code: "CONFLICT", message: unavailableNumberMessage("+14155550130") });
    expect(taken.message).not.toMatch(/Theirs|organization|workspace/i);
    const own = await mine.admin.trackingNumber.create({ phoneNumber: "+14155550131", label: "Mine", businessNumber: "+15105550111" });
    const again = await failure(
      mine.admin.trackingNumber.create({ phoneNumber: "+14155550131", label: "Again", businessNumber: "+15105550111" }),
    );
    expect(again).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already one of your tracking numbers") });
    const moved = await failure(mine.admin.trackingNumber.update({ trackingNumberId: own.id, phoneNumber: "+14155550130" }));
    expect(moved.code).toBe("CONFLICT");
  });

  it("keep one default SMS sender per organization", async () => {
    const { admin } = await team();
    const first = await admin.trackingNumber.create({
      phoneNumber: "+14155550140",
      label: "A",
      businessNumber: "+15105550111",
      defaultSmsSender: true,
    });
    const second = await admin.trackingNumber.create({
      phoneNumber: "+14155550141",
      label: "B",
      businessNumber: "+15105550111",
      defaultSmsSender: true,
    });
    expect((await admin.trackingNumber.list()).map((row) => [row.id, row.defaultSmsSender])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
    await admin.trackingNumber.update({ trackingNumberId: first.id, defaultSmsSender: true });
    expect((await admin.trackingNumber.list()).map((row) => row.defaultSmsSender)).toEqual([true, false]);
  });

  it("answer not-found for another organization's numbers and never list them", async () => {
    const a = await team();
    const b = await team();
    const theirs = await b.admin.trackingNumber.create({ phoneNumber: "+14155550150", label: "B's", businessNumber: "+15105550111" });
    expect(await failure(a.owner.trackingNumber.update({ trackingNumberId: theirs.id, label: "mine now" }))).toMatchObject({
      code: "NOT_FOUND",
      message: "That tracking number was not found.",
    });
    expect((await failure(a.owner.trackingNumber.delete({ trackingNumberId: theirs.id }))).code).toBe("NOT_FOUND");
    expect((await failure(a.owner.trackingNumber.update({ trackingNumberId: "num_doesnotexist", label: "x" }))).code).toBe("NOT_FOUND");
    expect(await a.viewer.trackingNumber.list()).toEqual([]);
    expect(await b.viewer.trackingNumber.list()).toMatchObject([{ id: theirs.id, label: "B's" }]);
  });
});

describe("callrail procedures", () => {
  it("show the secret URL once, on rotate, and only its start afterwards", async () => {
    const { admin, owner } = await team();
    expect(await admin.callrail.getEndpoint()).toEqual({ configured: false, urlPreview: null, createdAt: null, lastUsedAt: null });
    const rotated = await admin.callrail.rotateToken();
    expect(rotated.url).toBe(`https://switchboard.example.com/api/callrail/${rotated.token}`);
    expect(rotated.token).toMatch(/^crw_[A-Za-z0-9_-]{32}$/);
    expect(rotated.webhookUrls).toContainEqual({ event: "post_call", label: "Post-call", url: `${rotated.url}?event=post_call` });
    const endpoint = await owner.callrail.getEndpoint();
    expect(endpoint).toMatchObject({
      configured: true,
      urlPreview: `https://switchboard.example.com/api/callrail/${rotated.token.slice(0, 10)}…`,
    });
    expect(JSON.stringify(endpoint)).not.toContain(rotated.token);
    const next = await admin.callrail.rotateToken();
    expect(next.token).not.toBe(rotated.token);
  });
});
