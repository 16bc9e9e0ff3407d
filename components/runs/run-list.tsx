"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Activity, Repeat2, SearchX } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDurationMs, relativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { rowLink, stackedTable } from "@/components/ui/stacked-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { ActionsTaken } from "./actions-taken";
import { shortEventLabel } from "./event-labels";
import { RunFilterBar } from "./run-filter-bar";
import { hasRunFilters, readRunFilterParams, runFilterQueryString, runListInputOf, type RunFilterParams } from "./run-filters";

const pageSize = 25;

/**
 * Every run, newest first, filtered by what the address bar says (so a view can be shared).
 * With `workflowId`, the runs of that one workflow.
 */
export function RunList({ workflowId }: { workflowId?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => {
    const read = readRunFilterParams(new URLSearchParams(searchParams.toString()));
    return workflowId ? { ...read, workflow: workflowId } : read;
  }, [searchParams, workflowId]);
  const setParams = useCallback(
    (next: RunFilterParams) => {
      const query = runFilterQueryString(workflowId ? { ...next, workflow: undefined } : next);
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [pathname, router, workflowId],
  );

  const runs = useInfiniteQuery({
    ...trpc.run.list.infiniteQueryOptions({ ...runListInputOf(params), limit: pageSize }, { getNextPageParam: (page) => page.nextCursor }),
    // New runs appear without a reload; slower once many pages are open, as each is fetched again.
    refetchInterval: (query) => ((query.state.data?.pages.length ?? 1) > 4 ? 15_000 : 3_000),
    placeholderData: (previous) => previous,
  });

  const filtered = hasRunFilters(params, workflowId ? ["workflow"] : []);
  const rows = runs.data?.pages.flatMap((page) => page.runs) ?? [];

  return (
    <div className="flex flex-col gap-3">
      <RunFilterBar params={params} onChange={setParams} showWorkflow={!workflowId} />
      {runs.isLoading ? (
        <Skeleton className="h-48" />
      ) : runs.isError && rows.length === 0 ? (
        <div role="alert" className="rounded-lg border border-destructive/40 bg-destructive/5 p-4 text-sm">
          <p className="font-medium text-destructive">The runs could not be loaded.</p>
          <p className="mt-1 text-muted-foreground">{runs.error.message}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => void runs.refetch()}>
            Try again
          </Button>
        </div>
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={SearchX}
            title="No runs match these filters"
            description="Try a wider date range, another status or trigger, or clear the filters."
            action={
              <Button variant="secondary" onClick={() => setParams({})}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={Activity}
            title="No runs yet"
            description={
              workflowId
                ? "When a call matches this workflow's trigger (and the workflow is on), its run appears here with what each step did."
                : "When a call matches one of your live workflows, its run appears here with what each step did. Try “Simulate a call” on the Workflows page."
            }
            action={
              <Button asChild variant="secondary">
                <Link href="/workflows">Go to workflows</Link>
              </Button>
            }
          />
        )
      ) : (
        <>
          <div className={stackedTable.frame}>
            <table className={stackedTable.table} aria-label="Runs">
              <thead className={stackedTable.head}>
                <tr>
                  <th className={stackedTable.headCell}>Status</th>
                  <th className={stackedTable.headCell}>Workflow</th>
                  <th className={stackedTable.headCell}>Trigger and caller</th>
                  <th className={stackedTable.headCell}>Started</th>
                  <th className={cn(stackedTable.headCell, "text-right")}>Took</th>
                  <th className={stackedTable.headCell}>Actions taken</th>
                </tr>
              </thead>
              <tbody className={stackedTable.body}>
                {rows.map((run) => (
                  <tr key={run.id} className={cn(stackedTable.row, rowLink.row)} data-testid="run-row" data-run-id={run.id}>
                    <td className={cn(stackedTable.cell, "col-start-2 row-start-1 justify-self-end")}>
                      <StatusBadge status={run.status} />
                    </td>
                    <td className={cn(stackedTable.cell, "col-start-1 row-start-1 font-medium")}>
                      <Link href={`/runs/${run.id}`} className={cn(rowLink.link, "hover:underline")}>
                        {run.workflowName}
                      </Link>
                      {run.mode === "test" ? <span className="ml-2 text-xs font-normal text-muted-foreground">(test)</span> : null}
                      {run.replayOfRunId ? (
                        <span
                          className="ml-2 inline-flex items-center gap-1 text-xs font-normal text-muted-foreground"
                          title="A replay of an earlier run"
                        >
                          <Repeat2 className="size-3" aria-hidden /> replay
                        </span>
                      ) : null}
                    </td>
                    <td className={cn(stackedTable.cell, "col-span-2")}>
                      <span className="block text-muted-foreground">{shortEventLabel(run.eventType)}</span>
                      <span className="block break-words tabular-nums">
                        {run.callerNumber ?? "—"}
                        {run.callerName ? <span className="text-muted-foreground"> · {run.callerName}</span> : null}
                      </span>
                    </td>
                    <td className={cn(stackedTable.cell, "text-muted-foreground lg:whitespace-nowrap")}>
                      <time dateTime={run.createdAt.toISOString()}>{relativeTime(run.createdAt)}</time>
                    </td>
                    <td className={cn(stackedTable.cell, "text-right tabular-nums text-muted-foreground lg:whitespace-nowrap")}>
                      {run.startedAt && run.finishedAt ? (
                        <>
                          <span className="lg:hidden">took </span>
                          {formatDurationMs(run.finishedAt.getTime() - run.startedAt.getTime())}
                        </>
                      ) : (
                        <span className="hidden lg:inline">—</span>
                      )}
                    </td>
                    <td className={cn(stackedTable.cell, "col-span-2")}>
                      <ActionsTaken kinds={run.actionsTaken} simulated={run.mode === "test"} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {runs.hasNextPage ? (
            <Button
              variant="secondary"
              className="self-center"
              onClick={() => void runs.fetchNextPage()}
              disabled={runs.isFetchingNextPage}
            >
              {runs.isFetchingNextPage ? "Loading…" : "Load older runs"}
            </Button>
          ) : rows.length > pageSize ? (
            <p className="self-center text-xs text-muted-foreground">That's every run{filtered ? " matching these filters" : ""}.</p>
          ) : null}
        </>
      )}
    </div>
  );
}
