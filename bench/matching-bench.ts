import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type DatabaseTarget } from "@/db/client";
import { newId } from "@/db/ids";
import { workflows, workflowVersions } from "@/db/schema";
import { sampleEventWith, type WorkflowGraph } from "@/engine";
import { findMatchingVersions } from "@/server/execution/fan-out-event";
import { seedApiOrganization } from "@/test-support/load/seed-api-organization";
import { medianMicros } from "./bench-utils";

export type MatchingRow = { database: string; nonMatching: number; medianMicros: number; matched: number };

const nonMatchingGraph: WorkflowGraph = {
  version: 1,
  nodes: [
    { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "sms.received", trackingNumbers: [] } },
    { id: "tag", kind: "action.tag_call", position: { x: 0, y: 140 }, config: { tags: ["x"] } },
  ],
  edges: [{ id: "e1", source: "trigger", sourceHandle: "out", target: "tag" }],
} as WorkflowGraph;

/** The same event against 1 matching and N enabled non-matching workflows: the cost should stay flat. */
export async function benchMatching(options: {
  database: "postgres" | "pglite";
  counts: number[];
  postgresUrl: string;
}): Promise<MatchingRow[]> {
  let target: DatabaseTarget = { kind: "pglite-memory" };
  let cleanup = async () => {};
  if (options.database === "postgres") {
    const name = `switchboard_match_${Date.now().toString(36)}`;
    const admin = postgres(options.postgresUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(options.postgresUrl);
    url.pathname = `/${name}`;
    target = { kind: "postgres", url: url.toString() };
    cleanup = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const { db, close } = await openDatabase(target);
  const rows: MatchingRow[] = [];
  try {
    const { organization } = await seedApiOrganization(db, randomBytes(32), "http://127.0.0.1:9/never-called");
    const event = sampleEventWith("call.completed", (draft) => {
      draft.call.answered = true;
      draft.call.duration_seconds = 30;
    });
    let present = 0;
    for (const count of options.counts) {
      while (present < count) {
        const batch = Math.min(1_000, count - present);
        const workflowRows = Array.from({ length: batch }, () => ({
          id: newId("wf"),
          organizationId: organization.id,
          name: "Other",
          draftGraph: nonMatchingGraph,
          enabled: true,
          triggerEventType: "sms.received",
        }));
        await db.insert(workflows).values(workflowRows);
        const versionRows = workflowRows.map((workflow) => ({
          id: newId("wfv"),
          workflowId: workflow.id,
          organizationId: organization.id,
          number: 1,
          graph: nonMatchingGraph,
        }));
        await db.insert(workflowVersions).values(versionRows);
        await db.execute(
          sql`update workflows set published_version_id = v.id from workflow_versions v where v.workflow_id = workflows.id and workflows.published_version_id is null`,
        );
        present += batch;
      }
      await db.execute(sql`analyze`);
      const samples: number[] = [];
      let matched = 0;
      for (let i = 0; i < 60; i++) {
        const started = performance.now();
        matched = (await findMatchingVersions(db, organization.id, event)).length;
        if (i >= 10) samples.push(performance.now() - started);
      }
      rows.push({ database: options.database, nonMatching: count, medianMicros: medianMicros(samples), matched });
    }
  } finally {
    await close();
    await cleanup();
  }
  return rows;
}
