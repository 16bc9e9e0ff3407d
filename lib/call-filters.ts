import { z } from "zod";

/**
 * The Calls page's filters: one shape for the page (which keeps them in the address bar), the
 * list, and the CSV export (which reads them from its link). Client-safe: no server code here.
 */
export const callFilterKeys = ["source", "status", "trackingNumber", "from", "to"] as const;

/** A `source` filter for calls with no marketing source. */
export const NO_SOURCE = "none";

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Whether YYYY-MM-DD names a day that exists (no 30 February). */
function isCalendarDay(value: string) {
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const day = z.string().regex(dayPattern, "Pick a date such as 2026-11-21").refine(isCalendarDay, "That date doesn't exist");

export const callFiltersSchema = z
  .object({
    /** A marketing source; `"none"` (NO_SOURCE) means calls with no source. */
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

/** The filters in an address bar's query (anything unreadable is dropped; the server checks the rest). */
export function filtersFromSearchParams(params: Record<string, string | string[] | undefined>): CallFilters {
  const one = (key: string) => {
    const value = params[key];
    const text = Array.isArray(value) ? value[0] : value;
    return text ? text : undefined;
  };
  const status = one("status");
  const dayOf = (key: string) => {
    const value = one(key);
    return value && dayPattern.test(value) ? value : undefined;
  };
  return {
    source: one("source"),
    status: status === "answered" || status === "missed" ? status : undefined,
    trackingNumber: one("trackingNumber"),
    from: dayOf("from"),
    to: dayOf("to"),
  };
}

export function filtersToQuery(filters: CallFilters): string {
  const params = new URLSearchParams();
  for (const key of callFilterKeys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
