import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "../ids";
import { events } from "./events";
import { organizations } from "./organizations";
import { workflows, workflowVersions } from "./workflows";

export type RunStatus = "queued" | "running" | "waiting" | "succeeded" | "failed" | "skipped";
export type RunMode = "live" | "test";
export type StepStatus = "running" | "sleeping" | "succeeded" | "failed" | "skipped";

/** A failure in plain words, with what a reader needs to tell failures apart. */
export type StepAttemptError = {
  message: string;
  name?: string;
  code?: string | number;
  permanent?: boolean;
  /** The HTTP status a text or email provider answered with, when it answered. */
  httpStatus?: number;
};

/** One URL of a webhook attempt: the request (its body is the step's, the same on every try) and the answer or what went wrong. */
export type StepAttemptDelivery = {
  url: string;
  request: { method: string; headers: Record<string, string> };
  /** The body cut to 8 KB (`truncated` then says so). */
  response?: { status: number; headers: Record<string, string>; body: string; truncated: boolean; durationMs: number };
  /** `kind` is timeout, connection_refused, dns, tls, network or blocked. */
  error?: { kind: string; message: string };
};

/**
 * One try of an action (text, email, webhook), kept for every try, not only the last.
 * `in_flight` while it runs; a try a crash cut short becomes `interrupted` when the run resumes.
 */
export type StepAttempt = {
  attempt: number;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  outcome: "in_flight" | "succeeded" | "failed" | "interrupted";
  /** What was sent, summarised: a text's to and from, an email's recipients and subject. */
  request?: Record<string, unknown>;
  /** What came back, summarised: the provider's message id and status. */
  response?: Record<string, unknown>;
  /** A webhook's try at each of its URLs. */
  deliveries?: StepAttemptDelivery[];
  error?: StepAttemptError | null;
  /** Whether another try follows this failed one. */
  willRetry?: boolean;
  /** When that try is due, when the executor decides it (Inngest schedules its own retries: null). */
  retryAt?: string | null;
};

export const workflowRuns = pgTable(
  "workflow_runs",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("run")),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    versionId: text("version_id").references(() => workflowVersions.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    status: text("status").$type<RunStatus>().notNull().default("queued"),
    mode: text("mode").$type<RunMode>().notNull().default("live"),
    /** Graph of a test run of a draft (live runs read their version's graph). */
    testGraph: jsonb("test_graph"),
    replayOfRunId: text("replay_of_run_id"),
    /** Set when the run starts (the trigger it answered, the caller), so the Runs page filters and searches one table by index. */
    eventType: text("event_type"),
    callerNumber: text("caller_number"),
    callerName: text("caller_name"),
    /** When a delay ends; the executor resumes the run then. */
    wakeAt: timestamp("wake_at", { withTimezone: true }),
    /** The embedded executor process holding the run (executors.id) while its heartbeat lasts; null when nobody does. */
    lockedBy: text("locked_by"),
    /** A lease without a heartbeat (test runs walked in a request): a run whose lease lapsed is picked up again. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    // Exactly one live run per (version, event), however often the event is delivered.
    uniqueIndex("workflow_runs_version_event_idx")
      .on(table.versionId, table.eventId)
      .where(sql`${table.mode} = 'live' and ${table.replayOfRunId} is null`),
    index("workflow_runs_org_created_idx").on(table.organizationId, table.createdAt, table.id),
    index("workflow_runs_workflow_created_idx").on(table.workflowId, table.createdAt, table.id),
    // The Runs page's filters, each walked newest first with the keyset (created_at, id).
    index("workflow_runs_org_status_created_idx").on(table.organizationId, table.status, table.createdAt, table.id),
    index("workflow_runs_org_event_type_created_idx").on(table.organizationId, table.eventType, table.createdAt, table.id),
    index("workflow_runs_org_caller_created_idx").on(table.organizationId, table.callerNumber, table.createdAt, table.id),
    index("workflow_runs_replay_of_idx")
      .on(table.replayOfRunId)
      .where(sql`${table.replayOfRunId} is not null`),
    // Retention deletes the oldest runs of every organization in batches.
    index("workflow_runs_created_idx").on(table.createdAt),
    // Runs of an event: fan-out, a call's runs on the Calls page.
    index("workflow_runs_event_idx").on(table.eventId),
    // Takeover: the runs a stopped executor held.
    index("workflow_runs_locked_by_idx")
      .on(table.lockedBy)
      .where(sql`${table.lockedBy} is not null`),
    index("workflow_runs_unfinished_idx")
      .on(table.status, table.wakeAt)
      .where(sql`${table.status} in ('queued', 'running', 'waiting')`),
  ],
);

export const runSteps = pgTable(
  "run_steps",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("stp")),
    runId: text("run_id")
      .notNull()
      .references(() => workflowRuns.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    nodeKind: text("node_kind").notNull(),
    status: text("status").$type<StepStatus>().notNull(),
    branch: text("branch").$type<"true" | "false">(),
    input: jsonb("input"),
    output: jsonb("output"),
    error: jsonb("error").$type<{ message: string; name?: string; code?: string | number; permanent?: boolean }>(),
    /** What the durable step returned (or its final error): a resumed run returns this instead of running it again. */
    memo: jsonb("memo").$type<
      { ok: true; value: unknown } | { ok: false; error: { message: string; name?: string; code?: string | number } }
    >(),
    attempt: integer("attempt").notNull().default(0),
    /** Every try of an action, oldest first (conditions and delays have none). */
    attempts: jsonb("attempts").$type<StepAttempt[]>().notNull().default([]),
    wakeAt: timestamp("wake_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("run_steps_run_node_idx").on(table.runId, table.nodeId)],
);
