import { InngestTestEngine } from "@inngest/test";
import { eq, inArray } from "drizzle-orm";
import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { runSteps, workflowRuns, type RunStatus } from "@/db/schema";
import { edge, graphOf, node, trigger } from "@/engine/test-support/graph-builder";
import { createDeleteOldRunsFunction } from "./delete-old-runs";
import { recordEvent } from "@/server/events/record-events";
import { sampleEvent } from "@/engine";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createLiveWorkflow } from "@/test-support/workflows";
import { deleteOldRuns, retentionCutoff } from "@/server/runs/delete-old-runs";

const handle = setupTestDatabase();
const config = testConfig();
const dayMs = 24 * 60 * 60 * 1000;
const now = new Date("2026-11-30T12:00:00Z");

/** One run per (status, age in days), each with two steps. */
async function seed(db: Database, ages: number[], statuses: RunStatus[], reference = now) {
  const { organization, user } = await createUserWithOrg(db, config, "Retention");
  const graph = graphOf([trigger("t", "call.missed"), node("tag", "action.tag_call", { tags: ["x"] })], [edge("t", "tag")]);
  const { workflow } = await createLiveWorkflow(db, organization.id, graph, "Old runs", user.id);
  const { eventId } = await recordEvent(db, {
    organization,
    source: "api",
    idempotencyKey: `retention-${Math.random()}`,
    event: sampleEvent("call.missed"),
  });
  const rows = ages.flatMap((age) =>
    statuses.map((status) => ({
      organizationId: organization.id,
      workflowId: workflow.id,
      eventId,
      status,
      createdAt: new Date(reference.getTime() - age * dayMs),
    })),
  );
  const runs = await db.insert(workflowRuns).values(rows).returning();
  await db.insert(runSteps).values(
    runs.flatMap((run) => [
      { runId: run.id, nodeId: "t", nodeKind: "trigger", status: "succeeded" as const },
      { runId: run.id, nodeId: "tag", nodeKind: "action.tag_call", status: "succeeded" as const },
    ]),
  );
  return { organizationId: organization.id, runs };
}

async function remaining(db: Database, organizationId: string) {
  return db.select().from(workflowRuns).where(eq(workflowRuns.organizationId, organizationId));
}

describe("run retention", () => {
  it("deletes finished runs older than the cut-off with their steps, in batches, and keeps unfinished and recent ones", async () => {
    const statuses: RunStatus[] = ["succeeded", "failed", "skipped", "queued", "running", "waiting"];
    const { organizationId, runs } = await seed(handle.db, [45, 31, 29, 1], statuses);
    const cutoff = retentionCutoff(now, 30);
    expect(cutoff.toISOString()).toBe("2026-10-31T12:00:00.000Z");

    const { deleted } = await deleteOldRuns(handle.db, { olderThan: cutoff, batchSize: 2 });
    expect(deleted).toBe(6); // 3 finished statuses × 2 old ages, across three batches and a final empty one

    const kept = await remaining(handle.db, organizationId);
    const old = (run: { createdAt: Date }) => run.createdAt < cutoff;
    expect(
      kept
        .filter(old)
        .map((run) => run.status)
        .sort(),
    ).toEqual(["queued", "queued", "running", "running", "waiting", "waiting"]);
    expect(kept.filter((run) => !old(run))).toHaveLength(12);

    const deletedIds = runs.filter((run) => !kept.some((keep) => keep.id === run.id)).map((run) => run.id);
    expect(deletedIds).toHaveLength(6);
    expect(await handle.db.select().from(runSteps).where(inArray(runSteps.runId, deletedIds))).toEqual([]);
    expect(
      await handle.db
        .select()
        .from(runSteps)
        .where(
          inArray(
            runSteps.runId,
            kept.map((run) => run.id),
          ),
        ),
    ).toHaveLength(36);

    // Nothing left to do: a second pass deletes nothing.
    expect((await deleteOldRuns(handle.db, { olderThan: cutoff })).deleted).toBe(0);
  });

  it("runs daily on Inngest with a cut-off fixed once, one step per batch", async () => {
    // The function reads the real clock, so these ages are from the real now.
    const realNow = new Date();
    const { organizationId } = await seed(handle.db, [400, 2], ["succeeded", "waiting"], realNow);
    const inngest = new Inngest({
      id: "switchboard-test",
      isDev: true,
      fetch: (async () => {
        throw new Error("The test Inngest client must not use the network");
      }) as typeof fetch,
    });
    const retentionDays = 365;
    const fn = createDeleteOldRunsFunction(inngest, async () => ({ db: handle.db, retentionDays }));
    const engine = new InngestTestEngine({
      function: fn,
      events: [{ name: "inngest/scheduled.timer", data: { cron: "TZ=UTC 30 3 * * *" } }],
    });
    const { result, error } = (await engine.execute()) as { result?: { deleted: number; cutoff: string }; error?: unknown };
    expect(error).toBeUndefined();
    expect(result!.deleted).toBe(1);
    const cutoffAge = Date.now() - Date.parse(result!.cutoff);
    expect(Math.round(cutoffAge / dayMs)).toBe(retentionDays);

    const kept = await remaining(handle.db, organizationId);
    expect(kept.map((run) => [Math.round((realNow.getTime() - run.createdAt.getTime()) / dayMs), run.status]).sort()).toEqual([
      [2, "succeeded"],
      [2, "waiting"],
      [400, "waiting"],
    ]);
  });
});
