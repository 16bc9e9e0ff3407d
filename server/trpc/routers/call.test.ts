import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { calls, events, organizations, trackingNumbers, workflowRuns } from "@/db/schema";
import { eq } from "drizzle-orm";
import { sampleEvent } from "@/engine";
import { edge, graphOf, node, trigger } from "@/engine/test-support/graph-builder";
import { exportCallsRequest } from "@/server/calls/export-calls-request";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createLiveWorkflow } from "@/test-support/workflows";

const handle = setupTestDatabase();
const config = testConfig();

let counter = 0;
type CallSeed = Partial<typeof calls.$inferInsert> & { startedAt: Date };

async function orgWithCalls(db: Database, seeds: CallSeed[], timezone = "America/Los_Angeles") {
  const { user, organization } = await createUserWithOrg(db, config, "Caller");
  await db.update(organizations).set({ timezone }).where(eq(organizations.id, organization.id));
  counter += 1;
  const tracking = `+1415555${String(2000 + counter).slice(-4)}`;
  await db.insert(trackingNumbers).values({
    organizationId: organization.id,
    phoneNumber: tracking,
    label: "Spring mailer",
    source: "Google Ads",
    businessNumber: "+15105550111",
  });
  const insert = () =>
    db
      .insert(calls)
      .values(
        seeds.map((seed, index) => ({
          organizationId: organization.id,
          externalId: `CA-${counter}-${index}`,
          callerNumber: "+16505550100",
          trackingNumber: tracking,
          source: "Google Ads",
          status: "answered",
          answered: true,
          durationSeconds: 60,
          ...seed,
        })),
      )
      .returning();
  const rows = seeds.length === 0 ? [] : await insert();
  const caller = callerFor(db, config, user, organization.id);
  return { user, organization, tracking, calls: rows, caller };
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`Expected a TRPCError, got ${String(error)}`);
  return error.code;
}

const at = (iso: string) => new Date(iso);

describe("calls procedures", () => {
  it("list calls newest first, page by page, with the caller, number label, outcome and runs started", async () => {
    const seeds: CallSeed[] = Array.from({ length: 5 }, (_, index) => ({
      startedAt: at(`2026-11-2${index}T18:00:00Z`),
      callerName: `Caller ${index}`,
    }));
    // Two calls at the same instant: the keyset's id breaks the tie without skipping either.
    seeds.push({ startedAt: at("2026-11-22T18:00:00Z"), callerName: "Twin", status: "no_answer", answered: false, durationSeconds: 0 });
    const { organization, caller, calls: rows, tracking, user } = await orgWithCalls(handle.db, seeds);

    const graph = graphOf([trigger("t", "call.completed"), node("tag", "action.tag_call", { tags: ["x"] })], [edge("t", "tag")]);
    const { workflow, version } = await createLiveWorkflow(handle.db, organization.id, graph, "Tagger", user.id);
    const [event] = await handle.db
      .insert(events)
      .values({
        organizationId: organization.id,
        type: "call.completed",
        source: "twilio",
        idempotencyKey: "k1",
        payload: sampleEvent("call.completed"),
        callId: rows[0]!.id,
      })
      .returning();
    await handle.db
      .insert(workflowRuns)
      .values({ organizationId: organization.id, workflowId: workflow.id, versionId: version.id, eventId: event!.id, status: "succeeded" });

    const first = await caller.calls.list({ limit: 4 });
    expect(first.calls.map((row) => row.callerName)).toEqual([
      "Caller 4",
      "Caller 3",
      ...[rows[2]!, rows[5]!].sort((a, b) => (a.id < b.id ? 1 : -1)).map((row) => row.callerName),
    ]);
    const second = await caller.calls.list({ limit: 4, cursor: first.nextCursor });
    expect(second.calls.map((row) => row.callerName)).toEqual(["Caller 1", "Caller 0"]);
    expect(second.nextCursor).toBeNull();
    expect(second.calls[1]).toMatchObject({
      trackingNumber: tracking,
      trackingNumberLabel: "Spring mailer",
      outcome: "answered",
      runsCount: 1,
      durationSeconds: 60,
    });
    expect(first.calls.find((row) => row.callerName === "Twin")).toMatchObject({ outcome: "missed", runsCount: 0 });
  });

  it("filter by source, status, tracking number and days in the organization's time zone", async () => {
    const { caller, tracking } = await orgWithCalls(handle.db, [
      { startedAt: at("2026-11-21T07:30:00Z"), callerName: "Late on the 20th (LA)" },
      { startedAt: at("2026-11-21T08:30:00Z"), callerName: "Early on the 21st (LA)", status: "busy", answered: false },
      { startedAt: at("2026-11-22T18:00:00Z"), callerName: "Facebook", source: "Facebook" },
      { startedAt: at("2026-11-22T19:00:00Z"), callerName: "No source", source: null, trackingNumber: "+14155559999" },
      { startedAt: at("2026-11-22T20:00:00Z"), callerName: "Still ringing", status: "ringing", answered: false },
    ]);
    const names = async (filters: Record<string, string>) => (await caller.calls.list({ filters })).calls.map((row) => row.callerName);
    expect(await names({ source: "Facebook" })).toEqual(["Facebook"]);
    expect(await names({ source: "none" })).toEqual(["No source"]);
    expect(await names({ status: "missed" })).toEqual(["Early on the 21st (LA)"]);
    expect(await names({ status: "answered", trackingNumber: tracking })).toEqual(["Facebook", "Late on the 20th (LA)"]);
    expect(await names({ from: "2026-11-21", to: "2026-11-21" })).toEqual(["Early on the 21st (LA)"]);
    expect(await names({ to: "2026-11-20" })).toEqual(["Late on the 20th (LA)"]);
    expect(await failure(caller.calls.list({ filters: { from: "2026-11-22", to: "2026-11-21" } }))).toBe("BAD_REQUEST");
    expect(await failure(caller.calls.list({ filters: { from: "yesterday" } }))).toBe("BAD_REQUEST");
  });

  it("open a call with its events and the runs they started; another organization's call is not found", async () => {
    const mine = await orgWithCalls(handle.db, [{ startedAt: at("2026-11-22T18:00:00Z"), callerName: "Jane" }]);
    const theirs = await orgWithCalls(handle.db, [{ startedAt: at("2026-11-22T18:00:00Z"), callerName: "Secret" }]);
    const callId = mine.calls[0]!.id;
    const graph = graphOf([trigger("t", "call.completed"), node("tag", "action.tag_call", { tags: ["x"] })], [edge("t", "tag")]);
    const { workflow, version } = await createLiveWorkflow(handle.db, mine.organization.id, graph, "Tagger", mine.user.id);
    const inserted = await handle.db
      .insert(events)
      .values(
        (["call.started", "call.completed"] as const).map((type, index) => ({
          organizationId: mine.organization.id,
          type,
          source: "twilio" as const,
          idempotencyKey: `${callId}:${index}`,
          payload: sampleEvent(type),
          callId,
          receivedAt: new Date(Date.UTC(2026, 10, 22, 18, index)),
        })),
      )
      .returning();
    await handle.db.insert(workflowRuns).values({
      organizationId: mine.organization.id,
      workflowId: workflow.id,
      versionId: version.id,
      eventId: inserted[1]!.id,
      status: "failed",
      error: "boom",
    });

    const detail = await mine.caller.calls.get({ callId });
    expect(detail.call).toMatchObject({ id: callId, callerName: "Jane", outcome: "answered", trackingNumberLabel: "Spring mailer" });
    expect(detail.events.map((row) => row.type)).toEqual(["call.started", "call.completed"]);
    expect(detail.runs).toMatchObject([{ workflowName: "Tagger", status: "failed", eventType: "call.completed" }]);

    expect(await failure(mine.caller.calls.get({ callId: theirs.calls[0]!.id }))).toBe("NOT_FOUND");
    expect((await mine.caller.calls.list({})).calls.map((row) => row.callerName)).toEqual(["Jane"]);
    expect(await failure(callerFor(handle.db, config, null).calls.list({}))).toBe("UNAUTHORIZED");
  });
});

describe("calls CSV export", () => {
  const request = (query: string) => new Request(`http://localhost:3000/api/calls/export${query}`);

  it("downloads the filtered calls of the member's organization, with times in its time zone and formulas neutralised", async () => {
    const mine = await orgWithCalls(handle.db, [
      {
        startedAt: at("2026-11-22T18:00:00Z"),
        endedAt: at("2026-11-22T18:01:00Z"),
        callerName: '=HYPERLINK("http://evil")',
        callerCity: "Oakland",
        tags: ["vip", "new"],
      },
      { startedAt: at("2026-11-22T19:00:00Z"), callerName: "O'Brien, Pat", status: "no_answer", answered: false, durationSeconds: 0 },
    ]);
    await orgWithCalls(handle.db, [{ startedAt: at("2026-11-22T18:00:00Z"), callerName: "Someone else's" }]);
    const context = { db: handle.db, config, user: mine.user, activeOrganizationId: mine.organization.id };

    const response = await exportCallsRequest(request(""), context);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="switchboard-calls-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await response.text()).trimEnd().split("\n");
    expect(lines[0]).toBe(
      "Started at,Caller name,Caller number,Caller city,Caller state,Tracking number,Tracking number label,Source,Status,Detailed status,Duration (seconds),Ended at,Tags,Workflow runs,Call ID,External ID,Simulated",
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      `2026-11-22T11:00:00-08:00,"O'Brien, Pat",+16505550100,,,${mine.tracking},Spring mailer,Google Ads,Missed,No answer,0,,,0,${mine.calls[1]!.id},${mine.calls[1]!.externalId},No`,
    );
    expect(lines[2]).toBe(
      `2026-11-22T10:00:00-08:00,"'=HYPERLINK(""http://evil"")",+16505550100,Oakland,,${mine.tracking},Spring mailer,Google Ads,Answered,Answered,60,2026-11-22T10:01:00-08:00,vip; new,0,${mine.calls[0]!.id},${mine.calls[0]!.externalId},No`,
    );

    const missed = await (await exportCallsRequest(request("?status=missed&source=Google%20Ads"), context)).text();
    expect(missed.trimEnd().split("\n")).toHaveLength(2);
    expect(missed).toContain("O'Brien");
  });

  it("refuses people who are signed out and filters that make no sense", async () => {
    const mine = await orgWithCalls(handle.db, []);
    expect((await exportCallsRequest(request(""), { db: handle.db, config, user: null, activeOrganizationId: undefined })).status).toBe(
      401,
    );
    const bad = await exportCallsRequest(request("?status=maybe"), {
      db: handle.db,
      config,
      user: mine.user,
      activeOrganizationId: mine.organization.id,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("status");
    const empty = await exportCallsRequest(request(""), {
      db: handle.db,
      config,
      user: mine.user,
      activeOrganizationId: mine.organization.id,
    });
    expect((await empty.text()).trimEnd().split("\n")).toHaveLength(1);
  });
});
