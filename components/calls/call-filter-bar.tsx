"use client";

import { useQuery } from "@tanstack/react-query";
import { Download, X } from "lucide-react";
import { knownSources } from "@/engine";
import { useTRPC } from "@/components/providers/trpc-react";
import { formatPhoneNumber } from "@/components/numbers/format-phone-number";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { filtersToQuery, type CallFilters as CallFilterValues } from "@/lib/call-filters";
import { DateRangeFields } from "@/components/ui/date-range-fields";

const ALL = "__all__";

const statuses = [
  { value: undefined, label: "All calls" },
  { value: "answered", label: "Answered" },
  { value: "missed", label: "Missed" },
] as const;

/** Source, outcome, number and days — and a CSV of exactly what is shown. */
export function CallFilterBar({ filters, onChange }: { filters: CallFilterValues; onChange: (filters: CallFilterValues) => void }) {
  const trpc = useTRPC();
  const numbers = useQuery(trpc.trackingNumber.list.queryOptions());
  const ownSources = (numbers.data ?? []).flatMap((number) => (number.source ? [number.source] : []));
  const sources = [...new Set([...ownSources, ...knownSources, ...(filters.source && filters.source !== "none" ? [filters.source] : [])])];
  const set = (patch: Partial<CallFilterValues>) => onChange({ ...filters, ...patch });
  const active = Object.values(filters).some(Boolean);

  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-3" role="search" aria-label="Filter calls">
      <div className="flex gap-1" role="radiogroup" aria-label="Outcome">
        {statuses.map((status) => (
          <Button
            key={status.label}
            type="button"
            role="radio"
            aria-checked={filters.status === status.value}
            size="sm"
            variant={filters.status === status.value ? "primary" : "ghost"}
            onClick={() => set({ status: status.value })}
          >
            {status.label}
          </Button>
        ))}
      </div>
      <div className="grid min-w-40 gap-1">
        <Label htmlFor="calls-source" className="text-xs text-muted-foreground">
          Source
        </Label>
        <Select value={filters.source ?? ALL} onValueChange={(value) => set({ source: value === ALL ? undefined : value })}>
          <SelectTrigger id="calls-source" className="h-8">
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
      <div className="grid min-w-44 gap-1">
        <Label htmlFor="calls-number" className="text-xs text-muted-foreground">
          Tracking number
        </Label>
        <Select value={filters.trackingNumber ?? ALL} onValueChange={(value) => set({ trackingNumber: value === ALL ? undefined : value })}>
          <SelectTrigger id="calls-number" className="h-8">
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
      <DateRangeFields idPrefix="calls" from={filters.from} to={filters.to} onChange={set} inputClassName="h-8" />
      {active ? (
        <Button type="button" size="sm" variant="ghost" onClick={() => onChange({})}>
          <X aria-hidden /> Clear filters
        </Button>
      ) : null}
      <Button asChild size="sm" variant="secondary" className="ml-auto">
        <a href={`/api/calls/export${filtersToQuery(filters)}`} download>
          <Download aria-hidden /> Export CSV
        </a>
      </Button>
    </div>
  );
}
