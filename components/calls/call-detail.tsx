"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { eventTypeInfo, type EventType } from "@/engine";
import { useTRPC } from "@/components/providers/trpc-react";
import { formatPhoneNumber } from "@/components/numbers/format-phone-number";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { JsonView } from "@/components/ui/json-view";
import { LabelValue as Fact } from "@/components/ui/label-value";
import { relativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { StatusBadge } from "@/components/ui/status-badge";
import { CallOutcomeBadge, SimulatedCallBadge } from "./call-outcome-badge";
import { formatCallDuration } from "./format-call-duration";

const eventLabels: Partial<Record<string, string>> = {
  "call.started": "Call started",
  "call.routed": "Call forwarded",
  "call.completed": "Call ended",
  "call.modified": "Call changed afterwards",
};

/** One call: who, which number and source, how it ended, the events it produced and the runs they started. */
export function CallDetail({ callId }: { callId: string }) {
  const trpc = useTRPC();
  const detail = useQuery({
    ...trpc.calls.get.queryOptions({ callId }),
    refetchInterval: (query) => (query.state.data?.call.outcome === "in_progress" ? 3_000 : false),
  });
  if (detail.isLoading) return <Skeleton className="h-64" />;
  if (detail.isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        {detail.error.message}
      </p>
    );
  const { call, events, runs } = detail.data!;
  const place = [call.callerCity, call.callerState].filter(Boolean).join(", ");

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="flex min-w-0 flex-col gap-6">
        <Card>
          <CardHeader>
            <div className="flex flex-wrap items-center gap-3">
              <CardTitle className="text-lg">{call.callerName || formatPhoneNumber(call.callerNumber) || "Unknown caller"}</CardTitle>
              <CallOutcomeBadge outcome={call.outcome} status={call.status} />
              {call.simulated ? <SimulatedCallBadge /> : null}
            </div>
            <CardDescription className="break-words">
              {call.callerName ? `${formatPhoneNumber(call.callerNumber)} · ` : ""}
              {call.startedAt.toLocaleString()}
              {call.simulated ? " · Made with “Simulate a call”: not counted in your call numbers." : ""}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
              <Fact label="Tracking number">
                <span className="tabular-nums">{formatPhoneNumber(call.trackingNumber) || "—"}</span>
                {call.trackingNumberLabel ? <span className="block text-xs text-muted-foreground">{call.trackingNumberLabel}</span> : null}
              </Fact>
              <Fact label="Source">{call.source ?? "—"}</Fact>
              <Fact label="Duration">{formatCallDuration(call.durationSeconds)}</Fact>
              <Fact label="Caller location">{place || "—"}</Fact>
              <Fact label="Ended">{call.endedAt ? call.endedAt.toLocaleString() : "—"}</Fact>
              <Fact label="Direction">{call.direction === "outbound" ? "Outbound" : "Inbound"}</Fact>
              {call.tags.length > 0 ? <Fact label="Tags">{call.tags.join(", ")}</Fact> : null}
              {call.recordingUrl ? (
                <Fact label="Recording">
                  <a href={call.recordingUrl} target="_blank" rel="noreferrer" className="text-primary hover:underline">
                    Listen
                  </a>
                </Fact>
              ) : null}
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Events</CardTitle>
            <CardDescription>
              {call.simulated
                ? "The pretend event “Simulate a call” sent. Open it to see the data workflows read."
                : "What Twilio or CallRail told Switchboard about this call, in order. Open one to see the data workflows read."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {events.length === 0 ? (
              <p className="text-sm text-muted-foreground">No events recorded for this call.</p>
            ) : (
              <ol className="flex flex-col gap-2" aria-label="Events">
                {events.map((event) => (
                  <li key={event.id} className="rounded-md border" data-testid="call-event">
                    <details className="group">
                      <summary className="flex cursor-pointer list-none items-center gap-3 px-3 py-2.5">
                        <ChevronRight className="size-4 text-muted-foreground transition-transform group-open:rotate-90" aria-hidden />
                        <span className="min-w-0 flex-1">
                          <span className="block font-medium">
                            {eventLabels[event.type] ?? eventTypeInfo[event.type as EventType]?.label ?? event.type}
                          </span>
                          <span className="block break-words text-xs text-muted-foreground">
                            <code>{event.type}</code> · from {event.source}
                          </span>
                        </span>
                        <span className="text-xs text-muted-foreground" title={event.receivedAt.toLocaleString()}>
                          {event.receivedAt.toLocaleTimeString()}
                        </span>
                      </summary>
                      <div className="border-t px-3 py-3">
                        <JsonView value={event.payload} label="Event payload" />
                      </div>
                    </details>
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>
      </div>

      <Card id="runs" className="self-start">
        <CardHeader>
          <CardTitle>Workflow runs</CardTitle>
          <CardDescription>Workflows this call started.</CardDescription>
        </CardHeader>
        <CardContent>
          {runs.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              No workflow ran for this call. Workflows run when their trigger matches, such as “When a call is missed”.{" "}
              <Link href="/workflows" className="text-primary hover:underline">
                See workflows
              </Link>
            </p>
          ) : (
            <ul className="flex flex-col gap-2" aria-label="Workflow runs">
              {runs.map((run) => (
                <li key={run.id}>
                  <Link
                    href={`/runs/${run.id}`}
                    className="flex items-center gap-3 rounded-md border px-3 py-2 hover:bg-muted/40"
                    data-testid="call-run"
                  >
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium">{run.workflowName}</span>
                      <span className="block text-xs text-muted-foreground">
                        {eventTypeInfo[run.eventType as EventType]?.label ?? run.eventType} · {relativeTime(run.createdAt)}
                      </span>
                    </span>
                    <StatusBadge status={run.status} />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
