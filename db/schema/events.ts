import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "../ids";
import { organizations } from "./organizations";

export type EventSource = "api" | "simulator" | "twilio" | "callrail" | "replay" | "test" | "workflow";
export type DispatchState = "pending" | "dispatched";

/** Every event that came in, stored before it is acknowledged: nothing accepted is lost. */
export const events = pgTable(
  "events",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("evt")),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    source: text("source").$type<EventSource>().notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    payload: jsonb("payload").notNull(),
    callId: text("call_id"),
    dispatchState: text("dispatch_state").$type<DispatchState>().notNull().default("pending"),
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("events_org_idempotency_idx").on(table.organizationId, table.idempotencyKey),
    index("events_org_received_idx").on(table.organizationId, table.receivedAt),
    // A call's events and the runs they started (call page, runs count on the Calls page).
    index("events_call_idx")
      .on(table.callId)
      .where(sql`${table.callId} is not null`),
    index("events_pending_idx")
      .on(table.receivedAt)
      .where(sql`${table.dispatchState} = 'pending'`),
  ],
);

export const calls = pgTable(
  "calls",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("call")),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    externalId: text("external_id"),
    direction: text("direction").$type<"inbound" | "outbound">().notNull().default("inbound"),
    callerNumber: text("caller_number"),
    callerName: text("caller_name"),
    callerCity: text("caller_city"),
    callerState: text("caller_state"),
    trackingNumber: text("tracking_number"),
    source: text("source"),
    status: text("status"),
    answered: boolean("answered"),
    durationSeconds: integer("duration_seconds"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    recordingUrl: text("recording_url"),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    /** Made by "Simulate a call": listed with real calls, left out of call counts and caller history. */
    simulated: boolean("simulated").notNull().default(false),
  },
  (table) => [
    uniqueIndex("calls_org_external_idx").on(table.organizationId, table.externalId),
    index("calls_org_caller_started_idx").on(table.organizationId, table.callerNumber, table.startedAt),
    index("calls_org_started_idx").on(table.organizationId, table.startedAt),
    // The Calls page's filters by tracking number and by source, newest first.
    index("calls_org_tracking_started_idx").on(table.organizationId, table.trackingNumber, table.startedAt),
    index("calls_org_source_started_idx").on(table.organizationId, table.source, table.startedAt),
  ],
);
