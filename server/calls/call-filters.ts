import { and, eq, gte, inArray, isNull, lt, type SQL } from "drizzle-orm";
import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { calls } from "@/db/schema";

/** Statuses of a call that ended without anyone picking up. */
export const missedCallStatuses = ["no_answer", "busy", "failed", "canceled", "voicemail"] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a date such as 2026-11-21")
  .refine((value) => DateTime.fromISO(value).isValid, "That date doesn't exist");

/** The filters of the Calls page, shared by the list and the CSV export (which reads them from a URL). */
export const callFiltersSchema = z
  .object({
    /** A marketing source; `"none"` means calls with no source. */
    source: z.string().trim().max(100).optional(),
    status: z.enum(["answered", "missed"]).optional(),
    /** The tracking number called, in E.164. */
    trackingNumber: z.string().trim().max(40).optional(),
    /** First and last day, inclusive, in the organization's time zone. */
    from: day.optional(),
    to: day.optional(),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    message: "The first day must come before the last day",
    path: ["to"],
  });

export type CallFilters = z.output<typeof callFiltersSchema>;

export const NO_SOURCE = "none";

function startOfDay(value: string, timezone: string) {
  const zone = IANAZone.isValidZone(timezone) ? timezone : "UTC";
  return DateTime.fromISO(value, { zone }).startOf("day");
}

/** The WHERE clause for one organization's calls matching the filters. */
export function callFilterConditions(organizationId: string, filters: CallFilters, timezone: string): SQL {
  return and(
    eq(calls.organizationId, organizationId),
    filters.source === NO_SOURCE ? isNull(calls.source) : filters.source ? eq(calls.source, filters.source) : undefined,
    filters.status === "answered" ? eq(calls.answered, true) : undefined,
    filters.status === "missed" ? and(eq(calls.answered, false), inArray(calls.status, [...missedCallStatuses])) : undefined,
    filters.trackingNumber ? eq(calls.trackingNumber, filters.trackingNumber) : undefined,
    filters.from ? gte(calls.startedAt, startOfDay(filters.from, timezone).toJSDate()) : undefined,
    filters.to ? lt(calls.startedAt, startOfDay(filters.to, timezone).plus({ days: 1 }).toJSDate()) : undefined,
  )!;
}

/** Answered, missed, or still going — how the Calls page and the export name a call's outcome. */
export function callOutcome(call: { answered: boolean | null; status: string | null }): "answered" | "missed" | "in_progress" {
  if (call.answered) return "answered";
  if (call.status && (missedCallStatuses as readonly string[]).includes(call.status)) return "missed";
  return "in_progress";
}
