import { and, eq, gte, inArray, isNull, lt, type SQL } from "drizzle-orm";
import { DateTime, IANAZone } from "luxon";
import { calls } from "@/db/schema";
import { NO_SOURCE, type CallFilters } from "@/lib/call-filters";

/** Statuses of a call that ended without anyone picking up. */
export const missedCallStatuses = ["no_answer", "busy", "failed", "canceled", "voicemail"] as const;

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
