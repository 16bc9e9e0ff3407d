"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { draftGraphSchema } from "@/engine";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { EventJsonCard } from "./event-json-card";
import { ReplayButton } from "./replay-button";
import { RunCanvas } from "./run-canvas";
import { runPathOf } from "./run-path";
import { RunStepTimeline } from "./run-step-timeline";
import { RunSummary } from "./run-summary";
import { asClause } from "@/components/ui/as-clause";

const finished = new Set(["succeeded", "failed", "skipped"]);

/** One run: the workflow as it ran with the path highlighted, each step's story beside it, and the event. */
export function RunDetail({ runId, canReplay }: { runId: string; canReplay: boolean }) {
  const trpc = useTRPC();
  const detail = useQuery({
    ...trpc.run.get.queryOptions({ runId }),
    // A run in progress updates itself; a finished one never changes (but may gain replays).
    refetchInterval: (query) => (finished.has(query.state.data?.run.status ?? "") ? 15_000 : 2_000),
  });
  const [selectedNodeId, setSelectedNodeId] = useState<string | null>(null);

  const graph = useMemo(() => {
    const parsed = draftGraphSchema.safeParse(detail.data?.graph);
    return parsed.success ? parsed.data : null;
  }, [detail.data?.graph]);
  const steps = detail.data?.steps;
  const path = useMemo(() => (graph && steps ? runPathOf(graph, steps) : null), [graph, steps]);
  const branches = useMemo(
    () => new Map((steps ?? []).flatMap((step) => (step.branch ? [[step.nodeId, step.branch] as const] : []))),
    [steps],
  );

  if (detail.isLoading) {
    return (
      <div className="grid gap-4" aria-label="Loading the run">
        <Skeleton className="h-24" />
        <Skeleton className="h-[22rem] md:h-[28rem]" />
      </div>
    );
  }
  if (detail.isError || !detail.data) {
    return (
      <div role="alert" className="grid justify-items-start gap-2 rounded-lg border p-4 text-sm">
        <p className="font-medium text-destructive">
          This run could not be opened: {asClause(detail.error?.message ?? "it was not found")}.
        </p>
        <p className="text-muted-foreground">It may belong to another workspace, or have been deleted after the retention period.</p>
        <Button asChild variant="secondary" size="sm">
          <Link href="/runs">Back to all runs</Link>
        </Button>
      </div>
    );
  }

  const data = detail.data;
  const replayDisabledReason =
    data.run.mode === "test"
      ? "Test runs can't be replayed; run the test again from the editor."
      : data.workflowHasPublishedVersion
        ? null
        : "Publish the workflow first: a replay runs on its published version.";

  return (
    <div className="grid grid-cols-1 gap-4">
      {canReplay ? (
        <div className="flex justify-end">
          <ReplayButton runId={data.run.id} workflowName={data.workflowName} disabledReason={replayDisabledReason} />
        </div>
      ) : null}
      <RunSummary data={data} />
      {/* On a phone the canvas (fitted to the screen's width) comes first, the steps below it. */}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <Card className="overflow-hidden md:min-h-[28rem]">
          {graph && path ? (
            <div className="h-[22rem] md:h-[32rem] lg:h-full">
              <RunCanvas graph={graph} path={path} branches={branches} focusedNodeId={selectedNodeId} onSelectNode={setSelectedNodeId} />
            </div>
          ) : (
            <p className="p-5 text-sm text-muted-foreground">
              The drawing of this workflow version is not available; the steps are listed beside.
            </p>
          )}
        </Card>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Steps</CardTitle>
            <p className="text-xs text-muted-foreground">Select a step here or on the canvas to see what it did.</p>
          </CardHeader>
          <CardContent>
            <RunStepTimeline steps={data.steps} nodes={graph?.nodes ?? []} selectedNodeId={selectedNodeId} onSelect={setSelectedNodeId} />
          </CardContent>
        </Card>
      </div>
      <EventJsonCard payload={data.event.payload} receivedAt={data.event.receivedAt} source={data.event.source} />
    </div>
  );
}
