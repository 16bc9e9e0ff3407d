import type { RunStatus } from "@/db/schema";

/** The Runs page's filters as they appear in the address bar, so a filtered view can be shared. */
export type RunFilterParams = {
  status?: RunStatus;
  workflow?: string;
  trigger?: string;
  /** First day shown, YYYY-MM-DD (local time). */
  from?: string;
  /** Last day shown, YYYY-MM-DD (local time), inclusive. */
  to?: string;
  caller?: string;
  q?: string;
};

export const runStatuses: RunStatus[] = ["succeeded", "failed", "skipped", "waiting", "running", "queued"];
const filterKeys = ["status", "workflow", "trigger", "from", "to", "caller", "q"] as const;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

export function readRunFilterParams(search: URLSearchParams): RunFilterParams {
  const params: RunFilterParams = {};
  for (const key of filterKeys) {
    const value = search.get(key)?.trim();
    if (!value) continue;
    if (key === "status") {
      if ((runStatuses as string[]).includes(value)) params.status = value as RunStatus;
    } else if (key === "from" || key === "to") {
      if (isDay(value)) params[key] = value;
    } else {
      params[key] = value.slice(0, 100);
    }
  }
  return params;
}

/** The query string for these filters (empty values dropped), in a stable order. */
export function runFilterQueryString(params: RunFilterParams): string {
  const search = new URLSearchParams();
  for (const key of filterKeys) {
    const value = params[key];
    if (value) search.set(key, value);
  }
  return search.toString();
}

export function hasRunFilters(params: RunFilterParams, ignore: ReadonlyArray<keyof RunFilterParams> = []): boolean {
  return filterKeys.some((key) => !ignore.includes(key) && Boolean(params[key]));
}

/**
 * How many filters are set besides the search box, as the phone's "Filters" button counts them: a
 * range of days is one filter, and the workflow counts only where it can be chosen.
 */
export function activeRunFilterCount(params: RunFilterParams, showWorkflow: boolean): number {
  const set = [params.status, showWorkflow ? params.workflow : undefined, params.trigger, params.from || params.to, params.caller];
  return set.filter(Boolean).length;
}

/** Local midnight of a YYYY-MM-DD day, plus `days`. */
function localDay(day: string, days = 0): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, date + days);
}

/** The run.list input for these filters: whole local days, the "to" day included. */
export function runListInputOf(params: RunFilterParams) {
  return {
    status: params.status,
    workflowId: params.workflow,
    eventType: params.trigger,
    from: params.from ? localDay(params.from) : undefined,
    to: params.to ? localDay(params.to, 1) : undefined,
    callerNumber: params.caller,
    search: params.q,
  };
}
