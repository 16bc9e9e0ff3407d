"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { PhoneCall } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { formatPhoneNumber } from "@/components/numbers/format-phone-number";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { relativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { CallFilterBar } from "./call-filter-bar";
import { filtersToQuery, type CallFilters as CallFilterValues } from "@/lib/call-filters";
import { CallOutcomeBadge } from "./call-outcome-badge";
import { formatCallDuration } from "./format-call-duration";

/** The Calls page: filters (kept in the address bar) over a keyset-paginated list that refreshes itself. */
export function CallList({ initialFilters }: { initialFilters: CallFilterValues }) {
  const trpc = useTRPC();
  const [filters, setFilters] = useState(initialFilters);
  const calls = useInfiniteQuery({
    ...trpc.calls.list.infiniteQueryOptions({ filters, limit: 25 }, { getNextPageParam: (page) => page.nextCursor }),
    // New calls appear without a reload.
    refetchInterval: 5_000,
  });
  const changeFilters = (next: CallFilterValues) => {
    setFilters(next);
    window.history.replaceState(null, "", `/calls${filtersToQuery(next)}`);
  };
  const filtered = Object.values(filters).some(Boolean);
  const rows = calls.data?.pages.flatMap((page) => page.calls) ?? [];

  return (
    <div className="flex flex-col gap-4">
      <CallFilterBar filters={filters} onChange={changeFilters} />
      {calls.isLoading ? (
        <Skeleton className="h-48" />
      ) : calls.isError ? (
        <p role="alert" className="text-sm text-destructive">
          Could not load calls: {calls.error.message}
        </p>
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={PhoneCall}
            title="No calls match these filters"
            description="Try another source, number or range of days, or clear the filters to see every call."
            action={
              <Button variant="secondary" onClick={() => changeFilters({})}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={PhoneCall}
            title="No calls yet"
            description="Calls to your tracking numbers appear here with the caller, the marketing source, whether they were answered, and the workflows they ran. Add a number and point it at Switchboard in Twilio, or connect CallRail in Settings."
            action={
              <Button asChild variant="secondary">
                <Link href="/numbers">Set up tracking numbers</Link>
              </Button>
            }
          />
        )
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border bg-card">
            <table className="w-full text-sm">
              <thead className="border-b bg-muted/50 text-left text-xs font-medium text-muted-foreground">
                <tr>
                  <th className="px-4 py-2.5">Caller</th>
                  <th className="px-4 py-2.5">Tracking number</th>
                  <th className="px-4 py-2.5">Source</th>
                  <th className="px-4 py-2.5">Status</th>
                  <th className="px-4 py-2.5 text-right">Duration</th>
                  <th className="px-4 py-2.5">Time</th>
                  <th className="px-4 py-2.5 text-right">Workflow runs</th>
                </tr>
              </thead>
              <tbody className="divide-y">
                {rows.map((call) => (
                  <tr key={call.id} className="hover:bg-muted/40" data-testid="call-row" data-outcome={call.outcome}>
                    <td className="px-4 py-3">
                      <Link href={`/calls/${call.id}`} className="font-medium hover:underline">
                        {call.callerName || formatPhoneNumber(call.callerNumber) || "Unknown caller"}
                      </Link>
                      {call.callerName ? (
                        <span className="block text-xs tabular-nums text-muted-foreground">{formatPhoneNumber(call.callerNumber)}</span>
                      ) : null}
                    </td>
                    <td className="px-4 py-3">
                      <span className="tabular-nums">{formatPhoneNumber(call.trackingNumber) || "—"}</span>
                      {call.trackingNumberLabel ? (
                        <span className="block text-xs text-muted-foreground">{call.trackingNumberLabel}</span>
                      ) : null}
                    </td>
                    <td className="px-4 py-3">{call.source ?? <span className="text-muted-foreground">—</span>}</td>
                    <td className="px-4 py-3">
                      <CallOutcomeBadge outcome={call.outcome} status={call.status} />
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums">{formatCallDuration(call.durationSeconds)}</td>
                    <td className="px-4 py-3 text-muted-foreground" title={call.startedAt.toLocaleString()}>
                      {relativeTime(call.startedAt)}
                    </td>
                    <td className="px-4 py-3 text-right">
                      {call.runsCount > 0 ? (
                        <Link href={`/calls/${call.id}#runs`} className="text-primary hover:underline">
                          {call.runsCount === 1 ? "1 run" : `${call.runsCount} runs`}
                        </Link>
                      ) : (
                        <span className="text-muted-foreground">None</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {calls.hasNextPage ? (
            <Button variant="secondary" className="self-center" onClick={() => calls.fetchNextPage()} disabled={calls.isFetchingNextPage}>
              {calls.isFetchingNextPage ? "Loading…" : "Load older calls"}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}
