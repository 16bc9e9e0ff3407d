import { describe, expect, it } from "vitest";
import { memberships, workflowRuns } from "@/db/schema";
import { sampleEvent } from "@/engine";
import { graphOf, node, trigger, edge } from "@/engine/test-support/graph-builder";
import { recordEvent } from "@/server/events/record-events";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createLiveWorkflow } from "@/test-support/workflows";
import { trpcCodeOf } from "@/test-support/rejections";

const handle = setupTestDatabase();
const config = testConfig();

const graph = graphOf([trigger("t"), node("sms", "action.send_sms")], [edge("t", "sms")]);

describe("failure alerts and the failure badge", () => {
  it("lets editors turn a workflow's failure emails off and on", async () => {
    const owner = await createUserWithOrg(handle.db, config, "Owner");
    const other = await createUserWithOrg(handle.db, config, "Other");
    const viewer = await createUserWithOrg(handle.db, config, "Viewer");
    await handle.db.insert(memberships).values({ organizationId: owner.organization.id, userId: viewer.user.id, role: "viewer" });
    const asOwner = callerFor(handle.db, config, owner.user, owner.organization.id);
    const { id: workflowId } = await asOwner.workflow.importJson({ name: "Alerts", graph, publish: false });

    expect((await asOwner.workflow.get({ workflowId })).alertsEnabled).toBe(true);
    await asOwner.workflow.setAlertsEnabled({ workflowId, alertsEnabled: false });
    expect((await asOwner.workflow.get({ workflowId })).alertsEnabled).toBe(false);

    const asViewer = callerFor(handle.db, config, viewer.user, owner.organization.id);
    expect(await trpcCodeOf(() => asViewer.workflow.setAlertsEnabled({ workflowId, alertsEnabled: true }))).toBe("FORBIDDEN");
    const asOther = callerFor(handle.db, config, other.user, other.organization.id);
    expect(await trpcCodeOf(() => asOther.workflow.setAlertsEnabled({ workflowId, alertsEnabled: true }))).toBe("NOT_FOUND");
    expect((await asOwner.workflow.get({ workflowId })).alertsEnabled).toBe(false);
  });

  it("counts live failures of the last day for the badge, and never test runs", async () => {
    const { user, organization } = await createUserWithOrg(handle.db, config, "Badge");
    const caller = callerFor(handle.db, config, user, organization.id);
    const { workflow, version } = await createLiveWorkflow(handle.db, organization.id, graph, "Badge", user.id);
    const event = async (key: string) =>
      (await recordEvent(handle.db, { organization, source: "api", idempotencyKey: key, event: sampleEvent("call.missed") })).eventId;
    const run = (eventId: string, status: "failed" | "succeeded", mode: "live" | "test", createdAt: Date) => ({
      organizationId: organization.id,
      workflowId: workflow.id,
      versionId: mode === "live" ? version.id : null,
      eventId,
      status,
      mode,
      createdAt,
    });
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000);
    const badgeOf = async () => {
      const [row] = (await caller.workflow.list()).filter((candidate) => candidate.id === workflow.id);
      return { lastRunStatus: row!.lastRunStatus, failedLast24Hours: row!.failedLast24Hours, runsLast7Days: row!.runsLast7Days };
    };

    await handle.db.insert(workflowRuns).values(run(await event("old-failure"), "failed", "live", hoursAgo(30)));
    await handle.db.insert(workflowRuns).values(run(await event("ok"), "succeeded", "live", hoursAgo(2)));
    expect(await badgeOf()).toEqual({ lastRunStatus: "succeeded", failedLast24Hours: 0, runsLast7Days: 2 });

    await handle.db.insert(workflowRuns).values(run(await event("test-failure"), "failed", "test", hoursAgo(0)));
    expect(await badgeOf()).toEqual({ lastRunStatus: "succeeded", failedLast24Hours: 0, runsLast7Days: 2 });

    await handle.db.insert(workflowRuns).values(run(await event("new-failure"), "failed", "live", hoursAgo(1)));
    expect(await badgeOf()).toEqual({ lastRunStatus: "failed", failedLast24Hours: 1, runsLast7Days: 3 });
  });
});
