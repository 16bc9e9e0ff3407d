import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

/**
 * A workflow text being sent right now, holding its place under the daily SMS cap until its
 * attempt ends (the outbox row then counts instead). A row left by a crash keeps counting for
 * 24 hours, or until that step's retry ends: the text may have gone out.
 */
export const smsTextsInFlight = pgTable(
  "sms_texts_in_flight",
  {
    /** The text's idempotency key (run id + node id): one place per text, however often it is retried. */
    idempotencyKey: text("idempotency_key").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** E.164 when it could be parsed, as the outbox stores it. */
    to: text("to").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("sms_texts_in_flight_org_to_idx").on(table.organizationId, table.to)],
);
