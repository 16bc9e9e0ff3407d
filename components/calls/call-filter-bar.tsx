"use client";

import { useQuery } from "@tanstack/react-query";
import { Download, X } from "lucide-react";
import { knownSources } from "@/engine";
import { useTRPC } from "@/components/providers/trpc-react";
import { formatPhoneNumber } from "@/components/numbers/format-phone-number";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FiltersSheet } from "@/components/ui/filters-sheet";
import { Label } from "@/components/ui/label";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { filtersToQuery, type CallFilters as CallFilterValues } from "@/lib/call-filters";
import { DateRangeFields } from "@/components/ui/date-range-fields";

const ALL = "__all__";

const outcomes = [
  { value: "all", label: "All calls" },
  { value: "answered", label: "Answered" },
  { value: "missed", label: "Missed" },
] as const;

/** How many of the filters behind the phone's "Filters" button are set (a range of days is one). */
export function activeCallSheetFilterCount(filters: CallFilterValues): number {
  return [filters.source, filters.trackingNumber, filters.from || filters.to].filter(Boolean).length;
}

/** Source, number and days: in the bar's row, or one under another in the phone's sheet (`stacked`). */
function CallFilterFields({
  idPrefix,
  stacked,
  filters,
  set,
}: {
  idPrefix: string;
  stacked: boolean;
  filters: CallFilterValues;
  set: (patch: Partial<CallFilterValues>) => void;
}) {
  const trpc = useTRPC();
  const numbers = useQuery(trpc.trackingNumber.list.queryOptions());
  const ownSources = (numbers.data ?? []).flatMap((number) => (number.source ? [number.source] : []));
  const sources = [...new Set([...ownSources, ...knownSources, ...(filters.source && filters.source !== "none" ? [filters.source] : [])])];
  const height = stacked ? "h-9" : "h-8";

  return (
    <>
      <div className={cn("grid gap-1", !stacked && "min-w-40")}>
        <Label htmlFor={`${idPrefix}-source`} className="text-xs text-muted-foreground">
          Source
        </Label>
        <Select value={filters.source ?? ALL} onValueChange={(value) => set({ source: value === ALL ? undefined : value })}>
          <SelectTrigger id={`${idPrefix}-source`} className={height}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All sources</SelectItem>
            <SelectItem value="none">No source</SelectItem>
            {sources.map((source) => (
              <SelectItem key={source} value={source}>
                {source}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className={cn("grid gap-1", !stacked && "min-w-44")}>
        <Label htmlFor={`${idPrefix}-number`} className="text-xs text-muted-foreground">
          Tracking number
        </Label>
        <Select value={filters.trackingNumber ?? ALL} onValueChange={(value) => set({ trackingNumber: value === ALL ? undefined : value })}>
          <SelectTrigger id={`${idPrefix}-number`} className={height}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All numbers</SelectItem>
            {(numbers.data ?? []).map((number) => (
              <SelectItem key={number.id} value={number.phoneNumber}>
                {formatPhoneNumber(number.phoneNumber)} · {number.label}
              </SelectItem>
            ))}
            {filters.trackingNumber && !numbers.data?.some((number) => number.phoneNumber === filters.trackingNumber) ? (
              <SelectItem value={filters.trackingNumber}>{formatPhoneNumber(filters.trackingNumber)}</SelectItem>
            ) : null}
          </SelectContent>
        </Select>
      </div>
      {stacked ? (
        <div className="grid grid-cols-2 gap-3">
          <DateRangeFields idPrefix={idPrefix} from={filters.from} to={filters.to} onChange={set} inputClassName="w-full" />
        </div>
      ) : (
        <DateRangeFields idPrefix={idPrefix} from={filters.from} to={filters.to} onChange={set} inputClassName="h-8" />
      )}
    </>
  );
}

function ExportCsvLink({ filters, className }: { filters: CallFilterValues; className?: string }) {
  return (
    <Button asChild size="sm" variant="secondary" className={className}>
      <a href={`/api/calls/export${filtersToQuery(filters)}`} download>
        <Download aria-hidden /> Export CSV
      </a>
    </Button>
  );
}

/** Outcome, source, number and days — and a CSV of exactly what is shown. On a phone all but the outcome sit in a sheet. */
export function CallFilterBar({ filters, onChange }: { filters: CallFilterValues; onChange: (filters: CallFilterValues) => void }) {
  const set = (patch: Partial<CallFilterValues>) => onChange({ ...filters, ...patch });
  const active = Object.values(filters).some(Boolean);

  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-3" role="search" aria-label="Filter calls">
      <SegmentedControl
        label="Outcome"
        value={filters.status ?? "all"}
        onValueChange={(value) => set({ status: value === "all" ? undefined : value })}
        options={outcomes}
      />
      <FiltersSheet
        title="Filter calls"
        description="The list behind updates as you choose."
        activeCount={activeCallSheetFilterCount(filters)}
        onClear={() => onChange({ status: filters.status })}
        size="sm"
        className="ml-auto"
      >
        <CallFilterFields idPrefix="calls-sheet" stacked filters={filters} set={set} />
        <ExportCsvLink filters={filters} className="justify-self-start" />
      </FiltersSheet>
      <div className="hidden flex-wrap items-end gap-3 md:contents">
        <CallFilterFields idPrefix="calls" stacked={false} filters={filters} set={set} />
        {active ? (
          <Button type="button" size="sm" variant="ghost" onClick={() => onChange({})}>
            <X aria-hidden /> Clear filters
          </Button>
        ) : null}
        <ExportCsvLink filters={filters} className="ml-auto" />
      </div>
    </div>
  );
}
