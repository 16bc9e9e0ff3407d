"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronRight } from "lucide-react";
import { eventTypeInfo, getNodeDefinition, summarizeNode, type EventType } from "@/engine";
import { useTRPC } from "@/components/providers/trpc-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { JsonView } from "@/components/ui/json-view";
import { formatDurationMs } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { StatusBadge } from "@/components/ui/status-badge";

type GraphNode = { id: string; kind: string; config: unknown; label?: string };

export function RunDetail({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const detail = useQuery({
    ...trpc.run.get.queryOptions({ runId }),
    refetchInterval: (query) => (["succeeded", "failed", "skipped"].includes(query.state.data?.run.status ?? "") ? false : 2_000),
  });
  if (detail.isLoading) return <Skeleton className="h-64" />;
  if (detail.isError) return <p role="alert" className="text-sm text-destructive">{detail.error.message}</p>;
  const data = detail.data!;
  const nodes = new Map(((data.graph as { nodes?: GraphNode[] } | null)?.nodes ?? []).map((node) => [node.id, node]));
  const { run } = data;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <Card>
        <CardHeader>
          <CardTitle>Steps</CardTitle>
        </CardHeader>
        <CardContent>
          <ol className="flex flex-col gap-2" aria-label="Steps">
            {data.steps.map((step) => {
              const node = nodes.get(step.nodeId);
              const definition = getNodeDefinition(step.nodeKind);
              const title = node?.label || definition?.label || step.nodeKind;
              return (
                <li key={step.nodeId} className="rounded-md border" data-testid="run-step" data-status={step.status}>
                  <details>
                    <summary className="flex cursor-pointer list-none items-center gap-3 px-3 py-2.5">
                      <ChevronRight className="size-4 text-muted-foreground" aria-hidden />
                      <span className="min-w-0 flex-1">
                        <span className="block font-medium">{title}</span>
                        <span className="block truncate text-xs text-muted-foreground">
                          {node ? summarizeNode(node.kind, node.config) : step.nodeKind}
                          {step.branch ? ` → ${step.branch === "true" ? "Yes" : "No"}` : ""}
                        </span>
                      </span>
                      {step.attempt > 1 ? <span className="text-xs text-muted-foreground">{step.attempt} attempts</span> : null}
                      <StatusBadge status={step.status} />
                    </summary>
                    <div className="grid gap-3 border-t px-3 py-3">
                      {step.error ? (
                        <div>
                          <p className="text-sm font-medium text-destructive">{step.error.message}</p>
                        </div>
                      ) : null}
                      {step.input != null ? (
                        <div>
                          <p className="mb-1 text-xs font-medium text-muted-foreground">Input</p>
                          <JsonView value={step.input} />
                        </div>
                      ) : null}
                      {step.output != null ? (
                        <div>
                          <p className="mb-1 text-xs font-medium text-muted-foreground">Output</p>
                          <JsonView value={step.output} />
                        </div>
                      ) : null}
                      {step.finishedAt ? (
                        <p className="text-xs text-muted-foreground">
                          Took {formatDurationMs(Math.max(0, step.finishedAt.getTime() - step.startedAt.getTime()))}
                        </p>
                      ) : null}
                    </div>
                  </details>
                </li>
              );
            })}
          </ol>
        </CardContent>
      </Card>
      <div className="flex flex-col gap-4">
        <Card>
          <CardHeader>
            <CardTitle>Run</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-2 text-sm">
            <p className="flex items-center justify-between">Status <StatusBadge status={run.status} /></p>
            <p className="flex justify-between"><span className="text-muted-foreground">Workflow</span> {data.workflowName}</p>
            {data.versionNumber ? <p className="flex justify-between"><span className="text-muted-foreground">Version</span> v{data.versionNumber}</p> : null}
            <p className="flex justify-between"><span className="text-muted-foreground">Trigger</span> {eventTypeInfo[data.event.type as EventType]?.label ?? data.event.type}</p>
            <p className="flex justify-between"><span className="text-muted-foreground">Started</span> {(run.startedAt ?? run.createdAt).toLocaleString()}</p>
            {run.error ? <p className="rounded-md bg-destructive/10 p-2 text-destructive">{run.error}</p> : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Event</CardTitle>
          </CardHeader>
          <CardContent>
            <JsonView value={data.event.payload} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
