import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "../ids";
import { users } from "./auth";
import { organizations } from "./organizations";

export const workflows = pgTable(
  "workflows",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("wf")),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    enabled: boolean("enabled").notNull().default(false),
    /** The graph being edited; may be invalid (nobody loses work). Shape: engine's WorkflowGraph. */
    draftGraph: jsonb("draft_graph").notNull(),
    /** Incremented on every save, for optimistic concurrency between two editors. */
    draftRevision: integer("draft_revision").notNull().default(1),
    viewport: jsonb("viewport"),
    publishedVersionId: text("published_version_id"),
    /** Event types the published trigger fits, denormalised so matching is one indexed lookup. */
    triggerEventType: text("trigger_event_type"),
    alertsEnabled: boolean("alerts_enabled").notNull().default(true),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("workflows_org_idx").on(table.organizationId, table.createdAt),
    index("workflows_matching_idx")
      .on(table.organizationId, table.triggerEventType)
      .where(sql`${table.enabled} = true`),
  ],
);

export const workflowVersions = pgTable(
  "workflow_versions",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("wfv")),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    graph: jsonb("graph").notNull(),
    note: text("note"),
    publishedByUserId: text("published_by_user_id").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("workflow_versions_number_idx").on(table.workflowId, table.number)],
);
