import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calls, events, organizations, workflowRuns } from "@/db/schema";
import type { RunStatus } from "@/db/schema/runs";
import { findWorkflowTemplate } from "@/engine/gallery/workflow-templates";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createLiveWorkflow } from "@/test-support/workflows";
import { loadDashboardSummary } from "./dashboard-summary";
import { runsOfDay } from "@/lib/runs-per-day";

const handle = setupTestDatabase();
const config = testConfig();
const hour = 60 * 60 * 1000;
// 15:00 UTC = 10:00 in New York (EST): "today" there began at 05:00 UTC.
const now = new Date("2026-11-30T15:00:00Z");

async function seedOrganization(timezone: string) {
  const { user, organization } = await createUserWithOrg(handle.db, config, "Owner");
  await handle.db.update(organizations).set({ timezone }).where(eq(organizations.id, organization.id));
  const graph = findWorkflowTemplate("missed-call-text-back")!.graph;
  const { workflow, version } = await createLiveWorkflow(handle.db, organization.id, graph, "Text back");
  let sequence = 0;
  async function run(status: RunStatus, createdAt: Date, mode: "live" | "test" = "live") {
    sequence += 1;
    const [event] = await handle.db
      .insert(events)
      .values({
        organizationId: organization.id,
        type: "call.missed",
        source: "simulator",
        idempotencyKey: `k${sequence}`,
        payload: {},
        receivedAt: createdAt,
      })
      .returning();
    await handle.db.insert(workflowRuns).values({
      organizationId: organization.id,
      workflowId: workflow.id,
      versionId: mode === "live" ? version.id : null,
      eventId: event!.id,
      status,
      mode,
      createdAt,
    });
  }
  async function call(source: string | null, answered: boolean, startedAt: Date, simulated = false) {
    await handle.db
      .insert(calls)
      .values({ organizationId: organization.id, source, answered, startedAt, status: answered ? "completed" : "no-answer", simulated });
  }
  return { user, organization: { ...organization, timezone }, workflow, run, call };
}

describe("dashboard summary", () => {
  it("counts live runs per local day, the success rate, calls by source and the failing workflows", async () => {
    const org = await seedOrganization("America/New_York");
    await org.run("succeeded", new Date(now.getTime() - 1 * hour)); // today, 09:00 local
    await org.run("failed", new Date(now.getTime() - 2 * hour)); // today, 08:00 local
    await org.run("succeeded", new Date(now.getTime() - 12 * hour)); // 03:00 UTC = yesterday 22:00 local
    await org.run("succeeded", new Date(now.getTime() - 3 * 24 * hour));
    await org.run("succeeded", new Date(now.getTime() - 10 * 24 * hour)); // in the chart, not in the week
    await org.run("succeeded", new Date(now.getTime() - 30 * 24 * hour)); // outside everything
    await org.run("succeeded", new Date(now.getTime() - 1 * hour), "test"); // test runs never count
    await org.call("Google Ads", false, new Date(now.getTime() - hour));
    await org.call("Google Ads", true, new Date(now.getTime() - 2 * hour));
    await org.call(null, true, new Date(now.getTime() - 2 * hour));
    await org.call("Facebook", false, new Date(now.getTime() - 20 * 24 * hour));

    const summary = await loadDashboardSummary(handle.db, org.organization, now);

    expect(summary.runsToday).toBe(2);
    expect(summary.runsLast7Days).toBe(4);
    expect(summary.successRate).toBeCloseTo(3 / 4);
    expect(summary.runsPerDay).toHaveLength(14);
    expect(summary.runsPerDay.at(-1)).toEqual({ day: "2026-11-30", succeeded: 1, failed: 1, skipped: 0, inProgress: 0, queued: 0 });
    expect(summary.runsPerDay.at(-2)).toEqual({ day: "2026-11-29", succeeded: 1, failed: 0, skipped: 0, inProgress: 0, queued: 0 });
    expect(summary.runsPerDay.reduce((sum, day) => sum + runsOfDay(day), 0)).toBe(5);
    expect(summary.callsLast7Days).toEqual({ total: 3, answered: 2, missed: 1 });
    expect(summary.callsBySource).toEqual([
      { source: "Google Ads", answered: 1, missed: 1 },
      { source: "Unknown", answered: 1, missed: 0 },
    ]);
    expect(summary.failingWorkflows).toMatchObject([{ id: org.workflow.id, name: "Text back", failures: 1 }]);
  });

  it("charts skipped runs as their own series, and only running and waiting runs as in progress", async () => {
    const org = await seedOrganization("UTC");
    const earlier = new Date(now.getTime() - hour);
    await org.run("succeeded", earlier);
    await org.run("skipped", earlier); // no branch matched: nothing to do
    await org.run("skipped", earlier);
    await org.run("running", earlier);
    await org.run("waiting", earlier);
    await org.run("queued", earlier);
    await org.run("failed", new Date(now.getTime() - 24 * hour));

    const summary = await loadDashboardSummary(handle.db, org.organization, now);

    expect(summary.runsPerDay.at(-1)).toEqual({ day: "2026-11-30", succeeded: 1, failed: 0, skipped: 2, inProgress: 2, queued: 1 });
    expect(summary.runsPerDay.at(-2)).toEqual({ day: "2026-11-29", succeeded: 0, failed: 1, skipped: 0, inProgress: 0, queued: 0 });
    expect(summary.runsToday).toBe(6);
    // Skipped runs did not fail, but they did not finish a job either: the rate is of succeeded and failed runs.
    expect(summary.successRate).toBeCloseTo(1 / 2);
  });

  it("leaves simulated calls out of the call counts and the sources, and counts them apart", async () => {
    const org = await seedOrganization("UTC");
    await org.call("Google Ads", true, new Date(now.getTime() - hour));
    await org.call("Google Ads", false, new Date(now.getTime() - hour), true);
    await org.call("Simulator", false, new Date(now.getTime() - hour), true);

    const summary = await loadDashboardSummary(handle.db, org.organization, now);

    expect(summary.callsLast7Days).toEqual({ total: 1, answered: 1, missed: 0 });
    expect(summary.simulatedCallsLast7Days).toBe(2);
    expect(summary.callsBySource).toEqual([{ source: "Google Ads", answered: 1, missed: 0 }]);
  });

  it("has no success rate before anything ran, and shows only the caller's organization", async () => {
    const quiet = await seedOrganization("UTC");
    const busy = await seedOrganization("UTC");
    await busy.run("failed", new Date());

    const summary = await callerFor(handle.db, config, quiet.user, quiet.organization.id).dashboard.summary();

    expect(summary.runsLast7Days).toBe(0);
    expect(summary.successRate).toBeNull();
    expect(summary.failingWorkflows).toEqual([]);
    expect(summary.runsPerDay.at(-1)!.day).toBe(new Date().toISOString().slice(0, 10));
  });
});
