"use client";

import { useQuery } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { relativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { eventTypeInfo, type EventType, type WorkflowEvent } from "@/engine";
import { checkSampleJson, sampleJson, type EventChoice } from "../model/event-choice";

function describeEvent(event: WorkflowEvent): string {
  const who = event.caller ? (event.caller.name ? `${event.caller.name} (${event.caller.phone_number})` : event.caller.phone_number) : null;
  const source = event.attribution.source;
  return [who ?? eventTypeInfo[event.type].label.replace(/^When /, ""), source].filter(Boolean).join(" · ");
}

function SampleEditor({
  eventType,
  json,
  onChange,
  compact,
}: {
  eventType: EventType;
  json: string;
  onChange: (json: string) => void;
  compact: boolean;
}) {
  const check = checkSampleJson(json);
  const editor = (
    <div className="grid grid-cols-1 gap-1.5">
      <Textarea
        value={json}
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
        rows={compact ? 8 : 12}
        className="font-mono text-xs"
        aria-label="Sample event JSON"
        aria-invalid={!check.ok}
      />
      {check.ok ? null : (
        <ul role="alert" className="grid gap-0.5 text-xs text-destructive" data-testid="sample-problems">
          {check.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <Button type="button" variant="ghost" size="sm" className="justify-self-start" onClick={() => onChange(sampleJson(eventType))}>
        <RotateCcw aria-hidden /> Reset to the sample
      </Button>
    </div>
  );
  if (!compact) {
    return (
      <div className="grid grid-cols-1 gap-1.5">
        <p className="text-xs text-muted-foreground">
          A made-up “{eventTypeInfo[eventType].label.replace(/^When /, "")}” event. Change any field to try other cases.
        </p>
        {editor}
      </div>
    );
  }
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-xs text-muted-foreground">
        {check.ok ? "Edit the sample event" : <span className="text-destructive">The sample event has problems — open to fix</span>}
      </summary>
      <div className="pt-2">{editor}</div>
    </details>
  );
}

function RecentEvents({
  workflowId,
  eventType,
  selected,
  onSelect,
}: {
  workflowId: string;
  eventType: EventType;
  selected: string | null;
  onSelect: (eventId: string) => void;
}) {
  const trpc = useTRPC();
  const recent = useQuery(trpc.workflow.testEvents.queryOptions({ workflowId, eventType }));
  if (recent.isLoading) return <Skeleton className="h-24" />;
  if (recent.isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        Could not load recent events: {recent.error.message}
      </p>
    );
  if (!recent.data?.length) {
    return (
      <p className="rounded-md border border-dashed p-3 text-sm text-muted-foreground">
        No real “{eventTypeInfo[eventType].label.replace(/^When /, "")}” events yet. Test with the sample event, or use Simulate a call to
        create one.
      </p>
    );
  }
  return (
    <div role="radiogroup" aria-label="Recent events" className="grid max-h-56 grid-cols-1 gap-1 overflow-y-auto">
      {recent.data.map((event) => (
        <button
          key={event.id}
          type="button"
          role="radio"
          aria-checked={selected === event.id}
          onClick={() => onSelect(event.id)}
          className={cn(
            "grid grid-cols-1 rounded-md border px-2.5 py-1.5 text-left text-sm",
            selected === event.id ? "border-primary bg-accent/50" : "hover:bg-muted",
          )}
        >
          <span className="truncate font-medium">{describeEvent(event.payload)}</span>
          <span className="text-xs text-muted-foreground">
            {relativeTime(event.receivedAt)} · {event.source === "simulator" ? "simulated" : event.source}
          </span>
        </button>
      ))}
    </div>
  );
}

/** Choose the event a test uses: the trigger's sample (editable JSON) or one of the last real ones. */
export function EventChoicePicker({
  workflowId,
  eventType,
  value,
  onChange,
  compact = false,
}: {
  workflowId: string;
  eventType: EventType;
  value: EventChoice;
  onChange: (choice: EventChoice) => void;
  compact?: boolean;
}) {
  return (
    <Tabs
      value={value.source}
      onValueChange={(source) =>
        onChange(source === "sample" ? { source, json: sampleJson(eventType) } : { source: "recent", eventId: null })
      }
      className="gap-2"
    >
      <TabsList variant="segmented" aria-label="Test with">
        <TabsTrigger value="sample">Sample event</TabsTrigger>
        <TabsTrigger value="recent">Recent real event</TabsTrigger>
      </TabsList>
      <TabsContent value="sample">
        {value.source === "sample" ? (
          <SampleEditor
            eventType={eventType}
            json={value.json}
            onChange={(json) => onChange({ source: "sample", json })}
            compact={compact}
          />
        ) : null}
      </TabsContent>
      <TabsContent value="recent">
        {value.source === "recent" ? (
          <RecentEvents
            workflowId={workflowId}
            eventType={eventType}
            selected={value.eventId}
            onSelect={(eventId) => onChange({ source: "recent", eventId })}
          />
        ) : null}
      </TabsContent>
    </Tabs>
  );
}
