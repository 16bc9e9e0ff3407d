"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Activity } from "lucide-react";
import Link from "next/link";
import { eventTypeInfo, type EventType } from "@/engine";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDurationMs, relativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { StatusBadge } from "@/components/ui/status-badge";

export function RunList({ workflowId }: { workflowId?: string }) {
  const trpc = useTRPC();
  const runs = useInfiniteQuery({
    ...trpc.run.list.infiniteQueryOptions({ workflowId, limit: 25 }, { getNextPageParam: (page) => page.nextCursor }),
    // New runs appear without a reload.
    refetchInterval: 3_000,
  });

  if (runs.isLoading) return <Skeleton className="h-48" />;
  if (runs.isError) return <p role="alert" className="text-sm text-destructive">Could not load runs: {runs.error.message}</p>;
  const rows = runs.data?.pages.flatMap((page) => page.runs) ?? [];
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={Activity}
        title="No runs yet"
        description="When a call matches one of your live workflows, its run appears here with what each step did. Try “Simulate a call” on the Workflows page."
        action={<Button asChild variant="secondary"><Link href="/workflows">Go to workflows</Link></Button>}
      />
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-hidden rounded-lg border bg-card">
        <table className="w-full text-sm">
          <thead className="border-b bg-muted/50 text-left text-xs font-medium text-muted-foreground">
            <tr>
              <th className="px-4 py-2.5">Status</th>
              <th className="px-4 py-2.5">Workflow</th>
              <th className="px-4 py-2.5">Trigger</th>
              <th className="px-4 py-2.5">Caller</th>
              <th className="px-4 py-2.5">Started</th>
              <th className="px-4 py-2.5 text-right">Took</th>
            </tr>
          </thead>
          <tbody className="divide-y">
            {rows.map((run) => (
              <tr key={run.id} className="hover:bg-muted/40" data-testid="run-row">
                <td className="px-4 py-3">
                  <Link href={`/runs/${run.id}`} aria-label={`Open run of ${run.workflowName}`}>
                    <StatusBadge status={run.status} />
                  </Link>
                </td>
                <td className="px-4 py-3 font-medium">
                  <Link href={`/runs/${run.id}`} className="hover:underline">{run.workflowName}</Link>
                  {run.mode === "test" ? <span className="ml-2 text-xs text-muted-foreground">(test)</span> : null}
                </td>
                <td className="px-4 py-3 text-muted-foreground">{eventTypeInfo[run.eventType as EventType]?.label ?? run.eventType}</td>
                <td className="px-4 py-3 tabular-nums">{run.callerNumber ?? "—"}</td>
                <td className="px-4 py-3 text-muted-foreground" title={run.createdAt.toLocaleString()}>{relativeTime(run.createdAt)}</td>
                <td className="px-4 py-3 text-right tabular-nums text-muted-foreground">
                  {run.startedAt && run.finishedAt ? formatDurationMs(run.finishedAt.getTime() - run.startedAt.getTime()) : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {runs.hasNextPage ? (
        <Button variant="secondary" className="self-center" onClick={() => runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
          {runs.isFetchingNextPage ? "Loading…" : "Load older runs"}
        </Button>
      ) : null}
    </div>
  );
}
