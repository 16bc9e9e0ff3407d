import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { newId } from "../ids";
import { organizations } from "./organizations";

export type OutboxChannel = "email" | "sms";
/** sign_in and invitation mail reach people who have no org access yet. */
export type OutboxCategory = "sign_in" | "invitation" | "workflow" | "alert";
export type OutboxStatus = "simulated" | "sent" | "failed";

/** Every message the app sends or would send; with no provider configured, this is where they go. */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("msg")),
    organizationId: text("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    category: text("category").$type<OutboxCategory>().notNull(),
    channel: text("channel").$type<OutboxChannel>().notNull(),
    to: text("to").notNull(),
    from: text("from").notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    /** Link the recipient is meant to follow (magic link, invitation), shown as a button in the app. */
    actionUrl: text("action_url"),
    status: text("status").$type<OutboxStatus>().notNull(),
    provider: text("provider").notNull(),
    providerMessageId: text("provider_message_id"),
    error: text("error"),
    /** run id + node id for workflow messages: a retried step never sends twice. */
    idempotencyKey: text("idempotency_key").unique(),
    runId: text("run_id"),
    nodeId: text("node_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("outbox_org_created_idx").on(table.organizationId, table.createdAt),
    index("outbox_category_created_idx").on(table.category, table.createdAt),
  ],
);
