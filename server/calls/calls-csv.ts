import { stringify } from "csv-stringify/sync";
import { DateTime, IANAZone } from "luxon";
import type { Queryable } from "@/db/client";
import { callStatusLabels, type CallStatus } from "@/engine";
import type { CallFilters } from "@/lib/call-filters";
import { listCalls, type CallCursor, type CallListItem } from "./list-calls";

const PAGE_SIZE = 500;
/** A spreadsheet past this many rows is better served by the API; the export stops there and says so. */
export const MAX_EXPORT_ROWS = 100_000;

const outcomeLabels = { answered: "Answered", missed: "Missed", in_progress: "In progress" } as const;

const columns = [
  "Started at",
  "Caller name",
  "Caller number",
  "Caller city",
  "Caller state",
  "Tracking number",
  "Tracking number label",
  "Source",
  "Status",
  "Detailed status",
  "Duration (seconds)",
  "Ended at",
  "Tags",
  "Workflow runs",
  "Call ID",
  "External ID",
  "Simulated",
];

/**
 * Text from callers (a caller-ID name, a tag) must not run as a formula when the file is opened
 * in a spreadsheet: cells starting with = + - @ or a control character get a leading apostrophe,
 * except phone numbers such as +14155550100 and plain negative numbers.
 */
export function neutralizeFormula(value: string): string {
  if (/^[=+\-@\t\r]/.test(value) && !/^[+-]?\d[\d\s().-]*$/.test(value)) return `'${value}`;
  return value;
}

function localTime(value: Date | null, timezone: string) {
  if (!value) return "";
  return (
    DateTime.fromJSDate(value, { zone: IANAZone.isValidZone(timezone) ? timezone : "UTC" }).toISO({ suppressMilliseconds: true }) ?? ""
  );
}

function csvRow(call: CallListItem, timezone: string) {
  const text = (value: string | null | undefined) => neutralizeFormula(value ?? "");
  return [
    localTime(call.startedAt, timezone),
    text(call.callerName),
    text(call.callerNumber),
    text(call.callerCity),
    text(call.callerState),
    text(call.trackingNumber),
    text(call.trackingNumberLabel),
    text(call.source),
    outcomeLabels[call.outcome],
    call.status ? (callStatusLabels[call.status as CallStatus] ?? call.status) : "",
    call.durationSeconds ?? "",
    localTime(call.endedAt, timezone),
    text(call.tags.join("; ")),
    call.runsCount,
    call.id,
    text(call.externalId),
    call.simulated ? "Yes" : "No",
  ];
}

/**
 * The filtered calls as CSV (newest first, times in the organization's time zone), produced page
 * by page so a large export never sits in memory whole.
 */
export function callsCsvStream(
  db: Queryable,
  input: { organizationId: string; timezone: string; filters: CallFilters },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: CallCursor | null | undefined;
  let written = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // A byte-order mark so spreadsheet apps read names with accents correctly.
        controller.enqueue(encoder.encode(`\uFEFF${stringify([columns])}`));
        return;
      }
      const page = await listCalls(db, { ...input, limit: PAGE_SIZE, cursor });
      const rows = page.calls.slice(0, MAX_EXPORT_ROWS - written);
      if (rows.length > 0) controller.enqueue(encoder.encode(stringify(rows.map((call) => csvRow(call, input.timezone)))));
      written += rows.length;
      cursor = page.nextCursor;
      if (!cursor || written >= MAX_EXPORT_ROWS) controller.close();
    },
  });
}

/** The whole export as one string (tests, small exports). */
export async function callsCsv(db: Queryable, input: { organizationId: string; timezone: string; filters: CallFilters }) {
  return new Response(callsCsvStream(db, input)).text();
}

export function callsCsvFileName(now: Date, timezone: string) {
  const day = DateTime.fromJSDate(now, { zone: IANAZone.isValidZone(timezone) ? timezone : "UTC" }).toISODate();
  return `switchboard-calls-${day}.csv`;
}
