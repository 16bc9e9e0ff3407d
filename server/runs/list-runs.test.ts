import { sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { edge, graphOf, node, trigger } from "@/engine/test-support/graph-builder";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createLiveWorkflow } from "@/test-support/workflows";
import { listRunsPage, runListQuery, type RunListFilters } from "./list-runs";

const handle = setupTestDatabase();
const config = testConfig();

const total = 100_000;
const statuses = ["succeeded", "failed", "skipped", "succeeded", "waiting"] as const;
const eventTypes = ["call.missed", "call.completed", "sms.received"] as const;
const base = Date.parse("2026-06-01T00:00:00Z");

/**
 * Run g (1…100,000) is fully determined by g, so every expectation below is computed here rather
 * than asked of the database. Runs come in groups of four within one millisecond: two at the very
 * same instant (the id breaks the tie) and two a few microseconds later (which a cursor rounded to
 * JavaScript's milliseconds would skip). Newest first is therefore exactly g descending.
 */
const seeded = {
  id: (g: number) => `run_seed_${String(g).padStart(6, "0")}`,
  workflow: (g: number) => g % 3,
  status: (g: number) => statuses[g % 5]!,
  event: (g: number) => 1 + (g % 1000),
  eventType: (g: number) => eventTypes[seeded.event(g) % 3]!,
  callerNumber: (g: number) => `+1415555${String(seeded.event(g) % 500).padStart(4, "0")}`,
  callerName: (g: number) => (seeded.event(g) % 500 === 7 ? "Alice Smith" : `Caller ${seeded.event(g) % 500}`),
  createdAtMs: (g: number) => base + Math.floor(g / 4),
};

let organizationId: string;
let workflowIds: string[];

async function seedRuns(db: Database) {
  const { organization, user } = await createUserWithOrg(db, config, "Seed");
  organizationId = organization.id;
  const graph = graphOf([trigger("t", "call.missed"), node("tag", "action.tag_call", { tags: ["x"] })], [edge("t", "tag")]);
  const names = ["Missed call text back", "Long call webhook", "Weekend email"];
  workflowIds = [];
  for (const name of names) workflowIds.push((await createLiveWorkflow(db, organization.id, graph, name, user.id)).workflow.id);

  await db.execute(sql`
    insert into events (id, organization_id, type, source, idempotency_key, payload)
    select 'evt_seed_' || e, ${organization.id},
      (array['call.missed', 'call.completed', 'sms.received'])[1 + e % 3], 'api', 'seed-' || e,
      jsonb_build_object('caller', jsonb_build_object(
        'phone_number', '+1415555' || lpad((e % 500)::text, 4, '0'),
        'name', case when e % 500 = 7 then 'Alice Smith' else 'Caller ' || (e % 500) end))
    from generate_series(1, 1000) as e`);
  await db.execute(sql`
    insert into workflow_runs (id, organization_id, workflow_id, event_id, status, mode, created_at, started_at, finished_at,
      event_type, caller_number, caller_name)
    select 'run_seed_' || lpad(g::text, 6, '0'), ${organization.id},
      (array[${workflowIds[0]}, ${workflowIds[1]}, ${workflowIds[2]}])[1 + g % 3],
      'evt_seed_' || (1 + g % 1000),
      (array['succeeded', 'failed', 'skipped', 'succeeded', 'waiting'])[1 + g % 5],
      'live',
      ts, ts, ts + interval '2 seconds',
      (array['call.missed', 'call.completed', 'sms.received'])[1 + (1 + g % 1000) % 3],
      '+1415555' || lpad(((1 + g % 1000) % 500)::text, 4, '0'),
      case when (1 + g % 1000) % 500 = 7 then 'Alice Smith' else 'Caller ' || ((1 + g % 1000) % 500) end
    from generate_series(1, ${total}) as g,
      lateral (select ${new Date(base).toISOString()}::timestamptz + (g / 4) * interval '1 millisecond'
        + (case when g % 4 >= 2 then g % 4 else 0 end) * interval '1 microsecond' as ts) as t`);
  // Another organization's runs, at the same instants, must never show up.
  const other = await createUserWithOrg(db, config, "Other");
  const otherWorkflow = await createLiveWorkflow(db, other.organization.id, graph, "Missed call text back", other.user.id);
  await db.execute(sql`
    insert into events (id, organization_id, type, source, idempotency_key, payload)
    values ('evt_other', ${other.organization.id}, 'call.missed', 'api', 'other', '{"caller":{"phone_number":"+14155550042","name":"Alice Smith"}}')`);
  await db.execute(sql`
    insert into workflow_runs (id, organization_id, workflow_id, event_id, status, created_at, event_type, caller_number, caller_name)
    select 'run_other_' || g, ${other.organization.id}, ${otherWorkflow.workflow.id}, 'evt_other', 'failed',
      ${new Date(base).toISOString()}::timestamptz + g * interval '1 millisecond', 'call.missed', '+14155550042', 'Alice Smith'
    from generate_series(1, 500) as g`);
  await db.execute(sql`analyze`);
}

/** The ids, newest first, of the seeded runs that pass `keep`. */
function expectedIds(keep: (g: number) => boolean): string[] {
  const ids: string[] = [];
  for (let g = total; g >= 1; g -= 1) if (keep(g)) ids.push(seeded.id(g));
  return ids;
}

async function everyPage(filters: RunListFilters, limit = 100) {
  const ids: string[] = [];
  let cursor: { createdAt: string; id: string } | null = null;
  let pages = 0;
  for (;;) {
    const page: Awaited<ReturnType<typeof listRunsPage>> = await listRunsPage(handle.db, organizationId, { filters, cursor, limit });
    pages += 1;
    ids.push(...page.runs.map((run) => run.id));
    if (!page.nextCursor) break;
    expect(page.runs).toHaveLength(limit);
    cursor = page.nextCursor;
  }
  return { ids, pages };
}

describe("the runs list over 100,000 runs", () => {
  beforeAll(async () => {
    await seedRuns(handle.db);
  }, 180_000);

  it("pages newest first through ties and sub-millisecond differences without repeating or skipping a run", async () => {
    const first = await listRunsPage(handle.db, organizationId, { filters: {}, limit: 50 });
    expect(first.runs.map((run) => run.id)).toEqual(expectedIds(() => true).slice(0, 50));
    expect(first.runs[0]).toMatchObject({
      workflowName: "Long call webhook",
      status: seeded.status(total),
      eventType: seeded.eventType(total),
      callerNumber: seeded.callerNumber(total),
      callerName: seeded.callerName(total),
      actionsTaken: [],
    });

    // 15 runs in a row, newest first, from deep inside the table: every page continues exactly where the last ended.
    const all = expectedIds(() => true);
    let cursor = first.nextCursor;
    const seen = [...first.runs.map((run) => run.id)];
    for (let page = 0; page < 4; page += 1) {
      const next = await listRunsPage(handle.db, organizationId, { filters: {}, cursor, limit: 7 });
      seen.push(...next.runs.map((run) => run.id));
      cursor = next.nextCursor;
    }
    expect(seen).toEqual(all.slice(0, 78));
  });

  it("walks a workflow's failed runs to the end: the right rows, in order, each once", async () => {
    const workflow = 1;
    const { ids, pages } = await everyPage({ workflowId: workflowIds[workflow], status: "failed" });
    const expected = expectedIds((g) => seeded.workflow(g) === workflow && seeded.status(g) === "failed");
    expect(expected.length).toBeGreaterThan(6_000);
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBe(Math.ceil(expected.length / 100));
  });

  it("filters by trigger and date range together", async () => {
    const from = new Date(base + 5_000);
    const to = new Date(base + 6_000);
    const { ids } = await everyPage({ eventType: "sms.received", from, to }, 250);
    const expected = expectedIds(
      (g) => seeded.eventType(g) === "sms.received" && seeded.createdAtMs(g) >= from.getTime() && seeded.createdAtMs(g) < to.getTime(),
    );
    expect(expected.length).toBeGreaterThan(1_000);
    expect(ids).toEqual(expected);
  });

  it("finds one caller's runs by number however it is typed", async () => {
    const expected = expectedIds((g) => seeded.callerNumber(g) === "+14155550042");
    expect(expected).toHaveLength(200);
    expect((await everyPage({ callerNumber: "+14155550042" }, 30)).ids).toEqual(expected);
    expect((await everyPage({ callerNumber: "(415) 555-0042" }, 200)).ids).toEqual(expected);
  });

  it("searches caller names, caller numbers and workflow names", async () => {
    const alice = expectedIds((g) => seeded.callerName(g) === "Alice Smith");
    expect((await everyPage({ search: "alice" }, 100)).ids).toEqual(alice);

    const byDigits = expectedIds((g) => seeded.callerNumber(g).endsWith("0042"));
    expect((await everyPage({ search: "555-0042" }, 100)).ids).toEqual(byDigits);

    const weekend = await listRunsPage(handle.db, organizationId, { filters: { search: "WEEKEND", status: "waiting" }, limit: 20 });
    expect(weekend.runs.map((run) => run.id)).toEqual(
      expectedIds((g) => seeded.workflow(g) === 2 && seeded.status(g) === "waiting").slice(0, 20),
    );
    // Wildcards are matched literally.
    expect((await listRunsPage(handle.db, organizationId, { filters: { search: "%" }, limit: 5 })).runs).toEqual([]);
  });

  it("answers the main filters from an index, never by reading the whole table", async () => {
    const cursor = (await listRunsPage(handle.db, organizationId, { filters: {}, limit: 500 })).nextCursor;
    const shapes: Array<{ filters: RunListFilters; index: RegExp }> = [
      { filters: {}, index: /workflow_runs_org_created_idx|workflow_runs_created_idx/ },
      { filters: { status: "failed" }, index: /workflow_runs_org_status_created_idx/ },
      // A workflow with a third of the runs is as quick to find by walking the newest runs; either index will do.
      { filters: { workflowId: workflowIds[0] }, index: /workflow_runs_\w+_idx/ },
      // A third of the runs are missed calls: walking the newest runs finds a page as fast as the type index.
      { filters: { eventType: "call.missed" }, index: /workflow_runs_org_event_type_created_idx|workflow_runs_(org_)?created_idx/ },
      { filters: { callerNumber: "+14155550042" }, index: /workflow_runs_org_caller_created_idx/ },
      {
        filters: { from: new Date(base + 1_000), to: new Date(base + 2_000) },
        index: /workflow_runs_org_created_idx|workflow_runs_created_idx/,
      },
    ];
    for (const { filters, index } of shapes) {
      for (const page of [null, cursor]) {
        const plan = await explain(handle.db, runListQuery(handle.db, organizationId, { filters, cursor: page, limit: 25 }).getSQL());
        expect(plan, JSON.stringify(filters)).toMatch(index);
        expect(plan, JSON.stringify(filters)).not.toMatch(/Seq Scan on workflow_runs/);
      }
    }
  });
});

async function explain(db: Database, query: SQL): Promise<string> {
  // postgres-js answers with the rows, PGlite with { rows }.
  const result = (await db.execute(sql`explain ${query}`)) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<Record<string, string>>;
  return rows.map((row) => Object.values(row).join(" ")).join("\n");
}
