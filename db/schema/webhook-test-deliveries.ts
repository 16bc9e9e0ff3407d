import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { newId } from "../ids";
import { users } from "./auth";
import { organizations } from "./organizations";
import { workflows } from "./workflows";

/** One URL's outcome of a test send: the request as sent and the response or the error in words. */
export type WebhookTestDeliveryResult = {
  url: string;
  request: { method: "POST"; headers: Record<string, string>; body: string };
  response?: { status: number; headers: Record<string, string>; body: string; truncated: boolean; durationMs: number };
  error?: { kind: string; message: string };
};

/** The last few "Send test" presses of a webhook step, kept so the panel can show them again. */
export const webhookTestDeliveries = pgTable(
  "webhook_test_deliveries",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("wht")),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    deliveries: jsonb("deliveries").$type<WebhookTestDeliveryResult[]>().notNull(),
    sentByUserId: text("sent_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("webhook_test_deliveries_node_idx").on(table.workflowId, table.nodeId, table.createdAt)],
);
