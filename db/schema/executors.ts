import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The app processes running the embedded executor. Each one beats here every few seconds; a run
 * held by a process (workflow_runs.locked_by) whose beat stopped is taken over by another one.
 */
export const executors = pgTable("executors", {
  id: text("id").primaryKey(),
  host: text("host").notNull(),
  pid: integer("pid").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull(),
});
