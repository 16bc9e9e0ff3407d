import { Repeat2 } from "lucide-react";
import Link from "next/link";
import { Card, CardContent } from "@/components/ui/card";
import { LabelValue, LabelValueList } from "@/components/ui/label-value";
import { formatDurationMs, relativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { shortEventLabel } from "./event-labels";
import type { RunDetailData } from "./run-detail-types";

/** The run at a glance: what ran, on what, when, for how long, and how it ended; with its replays. */
export function RunSummary({ data }: { data: RunDetailData }) {
  const { run } = data;
  const caller = (data.event.payload as { caller?: { phone_number?: string; name?: string | null } | null }).caller;
  const started = run.startedAt ?? run.createdAt;
  return (
    <Card>
      <CardContent className="grid gap-4 pt-5">
        <LabelValueList className="grid-cols-2 gap-4 sm:grid-cols-4 lg:grid-cols-7">
          <LabelValue label="Status" truncate>
            <StatusBadge status={run.status} />
          </LabelValue>
          <LabelValue label="Workflow" truncate className="col-span-2 sm:col-span-1">
            <Link href={`/workflows/${run.workflowId}`} className="font-medium hover:underline">
              {data.workflowName}
            </Link>
          </LabelValue>
          <LabelValue label="Version" truncate>
            {run.mode === "test" ? "Test of the draft" : data.versionNumber ? `v${data.versionNumber}` : "—"}
          </LabelValue>
          <LabelValue label="Trigger" truncate>
            {shortEventLabel(run.eventType ?? data.event.type)}
          </LabelValue>
          <LabelValue label="Caller" truncate className="col-span-2 sm:col-span-1">
            {caller?.phone_number ?? "—"}
            {caller?.name ? <span className="text-muted-foreground"> · {caller.name}</span> : null}
          </LabelValue>
          <LabelValue label="Started" truncate>
            <span title={started.toLocaleString()}>{relativeTime(started)}</span>
          </LabelValue>
          <LabelValue label="Took" truncate>
            {run.finishedAt ? (run.startedAt ? formatDurationMs(run.finishedAt.getTime() - run.startedAt.getTime()) : "—") : "Still going"}
          </LabelValue>
        </LabelValueList>
        {run.status === "waiting" && run.wakeAt ? (
          <p className="rounded-md bg-warning/15 p-2 text-sm">Waiting for a delay; continues {run.wakeAt.toLocaleString()}.</p>
        ) : null}
        {run.error ? (
          <p className="rounded-md bg-destructive/10 p-2 text-sm text-destructive" role="status">
            {run.error}
          </p>
        ) : null}
        {run.replayOfRunId || data.replays.length > 0 ? (
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid="replay-links">
            <Repeat2 className="size-4 text-muted-foreground" aria-hidden />
            {run.replayOfRunId ? (
              data.replayOf ? (
                <Link href={`/runs/${data.replayOf.id}`} className="text-primary hover:underline" data-testid="replay-of-link">
                  A replay of the run from {relativeTime(data.replayOf.createdAt)}
                </Link>
              ) : (
                <span className="text-muted-foreground">A replay of a run that has since been deleted</span>
              )
            ) : null}
            {data.replays.length > 0 ? (
              <span>
                Replayed as{" "}
                {data.replays.map((replay, index) => (
                  <span key={replay.id}>
                    {index > 0 ? ", " : ""}
                    <Link href={`/runs/${replay.id}`} className="text-primary hover:underline" data-testid="replay-link">
                      the run from {relativeTime(replay.createdAt)}
                    </Link>{" "}
                    <StatusBadge status={replay.status} />
                  </span>
                ))}
              </span>
            ) : null}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
