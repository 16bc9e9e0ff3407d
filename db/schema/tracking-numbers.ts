import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "../ids";
import { organizations } from "./organizations";

/**
 * A phone number people call or text (a Twilio number), owned by one organization. Calls to it
 * are forwarded to `businessNumber`; its `source` ("Google Ads", "Spring mailer") becomes the
 * call's attribution. Numbers are unique across the whole app: an incoming webhook finds the
 * organization by the number that was dialled.
 */
export const trackingNumbers = pgTable(
  "tracking_numbers",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("num")),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** E.164, e.g. +14155550100. */
    phoneNumber: text("phone_number").notNull().unique(),
    label: text("label").notNull(),
    source: text("source"),
    /** E.164 number calls are forwarded to. */
    businessNumber: text("business_number").notNull(),
    /** The organization's default "from" number for texts workflows send (at most one per org). */
    defaultSmsSender: boolean("default_sms_sender").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("tracking_numbers_org_idx").on(table.organizationId, table.createdAt),
    uniqueIndex("tracking_numbers_org_default_sms_idx")
      .on(table.organizationId)
      .where(sql`${table.defaultSmsSender}`),
  ],
);

/** People who texted STOP (or UNSUBSCRIBE, CANCEL, END, QUIT…) to one of the organization's numbers. */
export const smsOptOuts = pgTable(
  "sms_opt_outs",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("opt")),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** E.164 when it could be parsed, else as received. */
    phoneNumber: text("phone_number").notNull(),
    /** The word they sent, such as "STOP". */
    keyword: text("keyword").notNull(),
    optedOutAt: timestamp("opted_out_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("sms_opt_outs_org_phone_idx").on(table.organizationId, table.phoneNumber)],
);

export type IngestEndpointKind = "callrail";

/**
 * Secret inbound webhook URLs, one per organization and kind (`/api/callrail/<token>`).
 * Only the token's SHA-256 is stored; the URL is shown once, when the token is rotated.
 */
export const ingestEndpoints = pgTable(
  "ingest_endpoints",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("ing")),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind").$type<IngestEndpointKind>().notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters of the token, so people can tell which URL is current. */
    tokenPrefix: text("token_prefix").notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("ingest_endpoints_org_kind_idx").on(table.organizationId, table.kind)],
);
