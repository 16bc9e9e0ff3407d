"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { FlaskConical, Play, TriangleAlert, X } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { runPathOf, type RunPath } from "@/components/runs/run-path";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import {
  draftGraphSchema,
  eventTypeInfo,
  getNodeDefinition,
  topologicalOrder,
  workflowGraphSchema,
  type DraftWorkflowGraph,
  type EventType,
} from "@/engine";
import { eventInputOf, sampleJson, type EventChoice } from "../model/event-choice";
import { EventChoicePicker } from "./event-choice-picker";
import { StepResult, type TestRunStep } from "./step-result";

const unfinished = new Set(["queued", "running", "waiting"]);

function orderedSteps(graph: unknown, steps: TestRunStep[]): TestRunStep[] {
  const parsed = workflowGraphSchema.safeParse(graph);
  const order = parsed.success ? topologicalOrder(parsed.data) : null;
  if (!order) return steps;
  const position = new Map(order.map((id, index) => [id, index]));
  return [...steps].sort((a, b) => (position.get(a.nodeId) ?? 0) - (position.get(b.nodeId) ?? 0));
}

function labelsOf(graph: unknown): Map<string, string> {
  const parsed = draftGraphSchema.safeParse(graph);
  const nodes = parsed.success ? parsed.data.nodes : [];
  return new Map(nodes.map((node) => [node.id, node.label ?? getNodeDefinition(node.kind)?.label ?? "Step"]));
}

function ResultSummary({
  status,
  steps,
  eventType,
  sentForReal,
}: {
  status: string;
  steps: TestRunStep[];
  eventType: EventType;
  sentForReal: boolean;
}) {
  if (unfinished.has(status))
    return (
      <p className="text-sm text-muted-foreground" role="status">
        Running the test…
      </p>
    );
  const actions = steps.filter((step) => step.nodeKind.startsWith("action.") && step.status === "succeeded").length;
  const trigger = steps.find((step) => step.nodeKind === "trigger");
  let message: string;
  let tone = "border-success/40 bg-success/10";
  if (status === "failed") {
    message = "A step failed for this event — see which one below.";
    tone = "border-destructive/40 bg-destructive/10";
  } else if (trigger?.status === "skipped") {
    message = `This event would not start the workflow: it listens for “${eventTypeInfo[eventType].label}”${eventType === "call.missed" || eventType === "call.answered" ? " (check answered and the tracking number)" : ""}.`;
    tone = "border-warning/40 bg-warning/10";
  } else if (status === "skipped" || actions === 0) {
    message = "No action would run for this event: the conditions stopped it.";
    tone = "border-warning/40 bg-warning/10";
  } else {
    const verb = sentForReal ? "ran for real" : "would run";
    message = `${actions} ${actions === 1 ? "action" : "actions"} ${verb}. ${sentForReal ? "" : "Nothing was sent."}`.trim();
  }
  return (
    <p role="status" className={`rounded-md border px-3 py-2 text-sm ${tone}`} data-testid="test-run-summary" data-status={status}>
      {message}
    </p>
  );
}

/**
 * "Test": runs the draft on screen against a sample or a recent event. Nothing is sent unless
 * "Send for real" is on; the path is drawn on the canvas and each step's output listed here.
 */
export function TestRunPanel({
  workflowId,
  eventType,
  currentGraph,
  onPathChange,
  onClose,
}: {
  workflowId: string;
  eventType: EventType;
  currentGraph: () => DraftWorkflowGraph;
  onPathChange: (path: RunPath | null) => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const [choice, setChoice] = useState<EventChoice>(() => ({ source: "sample", json: sampleJson(eventType) }));
  const [sendForReal, setSendForReal] = useState(false);
  const [started, setStarted] = useState<{ runId: string; sentForReal: boolean } | null>(null);
  const start = useMutation(
    trpc.workflow.testRun.mutationOptions({
      onSuccess: ({ runId }, input) => setStarted({ runId, sentForReal: input.sendForReal ?? false }),
    }),
  );
  const result = useQuery({
    ...trpc.run.get.queryOptions({ runId: started?.runId ?? "" }),
    enabled: started !== null,
    refetchInterval: (query) => (query.state.data && unfinished.has(query.state.data.run.status) ? 400 : false),
  });

  const eventInput = eventInputOf(choice);
  const data = started && result.data?.run.id === started.runId ? result.data : undefined;
  const steps = useMemo(() => (data ? orderedSteps(data.graph, data.steps as TestRunStep[]) : []), [data]);
  const labels = useMemo(() => labelsOf(data?.graph), [data]);
  const path = useMemo(() => {
    const graph = draftGraphSchema.safeParse(data?.graph);
    return data && graph.success ? runPathOf(graph.data, data.steps) : null;
  }, [data]);

  useEffect(() => {
    onPathChange(path);
  }, [onPathChange, path]);

  function run() {
    if (!eventInput) return;
    onPathChange(null);
    start.mutate({ workflowId, graph: currentGraph(), event: eventInput, sendForReal });
  }

  function editEvent() {
    setStarted(null);
    onPathChange(null);
  }

  return (
    <section
      aria-label="Test this workflow"
      // A column beside the canvas (in the side panel's place), so the canvas shrinks instead of being covered.
      className="flex w-[26rem] max-w-[50%] shrink-0 flex-col border-l bg-card"
      data-testid="test-run-panel"
    >
      <header className="flex items-center gap-2 border-b px-4 py-2.5">
        <FlaskConical className="size-4 text-primary" aria-hidden />
        <h2 className="flex-1 text-sm font-semibold">Test this workflow</h2>
        <Button
          variant="ghost"
          size="icon"
          onClick={onClose}
          aria-label="Close the test panel"
          title="Close (the canvas goes back to editing)"
        >
          <X aria-hidden />
        </Button>
      </header>
      <div className="grid min-h-0 flex-1 grid-cols-1 content-start gap-3 overflow-y-auto p-4">
        {started === null ? (
          <>
            <p className="text-sm text-muted-foreground">
              Runs your current draft — saved or not — on one event. Conditions are checked for real; texts, emails and webhooks are shown
              here, not sent.
            </p>
            <EventChoicePicker workflowId={workflowId} eventType={eventType} value={choice} onChange={setChoice} />
            <label
              className={`flex items-start gap-2 rounded-md border p-2.5 text-sm ${sendForReal ? "border-warning bg-warning/10" : ""}`}
            >
              <Switch checked={sendForReal} onCheckedChange={setSendForReal} aria-label="Send for real" className="mt-0.5" />
              <span className="grid gap-0.5">
                <span className="font-medium">Send for real</span>
                <span className="text-xs text-muted-foreground">
                  {sendForReal ? (
                    <span className="flex items-center gap-1 text-foreground">
                      <TriangleAlert className="size-3.5 text-warning" aria-hidden /> Texts, emails and webhooks in this test will really go
                      out.
                    </span>
                  ) : (
                    "Off: nothing leaves Switchboard."
                  )}
                </span>
              </span>
            </label>
            <Button onClick={run} disabled={!eventInput || start.isPending} variant={sendForReal ? "destructive" : "primary"}>
              <Play aria-hidden /> {start.isPending ? "Starting…" : sendForReal ? "Run test and send for real" : "Run test"}
            </Button>
          </>
        ) : (
          <>
            {data ? (
              <ResultSummary status={data.run.status} steps={steps} eventType={eventType} sentForReal={started.sentForReal} />
            ) : result.isError ? (
              <p role="alert" className="text-sm text-destructive">
                Could not load the test result: {result.error.message}
              </p>
            ) : (
              <Skeleton className="h-10" />
            )}
            {data?.run.error && data.run.status === "failed" ? <p className="text-xs text-muted-foreground">{data.run.error}</p> : null}
            <ol className="grid grid-cols-1 gap-2" aria-label="What each step did">
              {steps.map((step) => (
                <StepResult key={step.nodeId} step={step} label={labels.get(step.nodeId) ?? "Step"} />
              ))}
            </ol>
            <div className="flex gap-2">
              <Button variant="secondary" size="sm" onClick={run} disabled={start.isPending || !eventInput}>
                <Play aria-hidden /> Run again
              </Button>
              <Button variant="ghost" size="sm" onClick={editEvent}>
                Change the event
              </Button>
            </div>
            <p className="text-xs text-muted-foreground">Test runs appear in Runs labelled “Test” and never count as live runs.</p>
          </>
        )}
      </div>
    </section>
  );
}
