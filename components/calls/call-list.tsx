"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { PhoneCall } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { formatPhoneNumber } from "@/components/numbers/format-phone-number";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { relativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { rowLink, stackedTable } from "@/components/ui/stacked-table";
import { CallFilterBar } from "./call-filter-bar";
import { filtersToQuery, type CallFilters as CallFilterValues } from "@/lib/call-filters";
import { CallOutcomeBadge, SimulatedCallBadge } from "./call-outcome-badge";
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
          <div className={stackedTable.frame}>
            <table className={stackedTable.table} aria-label="Calls">
              <thead className={stackedTable.head}>
                <tr>
                  <th className={stackedTable.headCell}>Caller</th>
                  <th className={stackedTable.headCell}>Tracking number</th>
                  <th className={stackedTable.headCell}>Source</th>
                  <th className={stackedTable.headCell}>Status</th>
                  <th className={cn(stackedTable.headCell, "text-right")}>Duration</th>
                  <th className={stackedTable.headCell}>Time</th>
                  <th className={cn(stackedTable.headCell, "text-right")}>Workflow runs</th>
                </tr>
              </thead>
              <tbody className={stackedTable.body}>
                {rows.map((call) => (
                  <tr key={call.id} className={cn(stackedTable.row, rowLink.row)} data-testid="call-row" data-outcome={call.outcome}>
                    <td className={cn(stackedTable.cell, "col-start-1 row-start-1")}>
                      <Link href={`/calls/${call.id}`} className={cn(rowLink.link, "break-words font-medium hover:underline")}>
                        {call.callerName || formatPhoneNumber(call.callerNumber) || "Unknown caller"}
                      </Link>
                      {call.callerName ? (
                        <span className="block text-xs tabular-nums text-muted-foreground">{formatPhoneNumber(call.callerNumber)}</span>
                      ) : null}
                    </td>
                    <td className={stackedTable.cell}>
                      <span className="tabular-nums">{formatPhoneNumber(call.trackingNumber) || "—"}</span>
                      {call.trackingNumberLabel ? (
                        <span className="block break-words text-xs text-muted-foreground">{call.trackingNumberLabel}</span>
                      ) : null}
                    </td>
                    <td className={cn(stackedTable.cell, "break-words text-right lg:text-left")}>
                      {call.source ?? (
                        <span className="text-muted-foreground">
                          —<span className="lg:hidden"> no source</span>
                        </span>
                      )}
                    </td>
                    <td className={cn(stackedTable.cell, "col-start-2 row-start-1 justify-self-end")}>
                      <span className="inline-flex flex-wrap justify-end gap-1">
                        <CallOutcomeBadge outcome={call.outcome} status={call.status} />
                        {call.simulated ? <SimulatedCallBadge /> : null}
                      </span>
                    </td>
                    <td className={cn(stackedTable.cell, "tabular-nums lg:text-right")}>
                      <span className={stackedTable.cardLabel}>Duration </span>
                      {formatCallDuration(call.durationSeconds)}
                    </td>
                    <td className={cn(stackedTable.cell, "text-right text-muted-foreground lg:text-left")}>
                      <time dateTime={call.startedAt.toISOString()}>{relativeTime(call.startedAt)}</time>
                    </td>
                    <td className={cn(stackedTable.cell, "col-span-2 lg:text-right")}>
                      {call.runsCount > 0 ? (
                        <Link href={`/calls/${call.id}#runs`} className={cn(rowLink.raised, "text-primary hover:underline")}>
                          {call.runsCount === 1 ? "1 run" : `${call.runsCount} runs`}
                        </Link>
                      ) : (
                        <span className="text-muted-foreground">
                          <span className="lg:hidden">Workflow runs: </span>None
                        </span>
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
