"use client";

import { ChevronRight } from "lucide-react";
import { useEffect, useRef } from "react";
import { getNodeDefinition, summarizeNode } from "@/engine";
import { cn } from "@/components/ui/cn";
import { formatDurationMs } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { StepView } from "@/components/steps/step-view";
import { DeliveryStatusShownAbove } from "@/components/steps/webhook-delivery-view";
import { retryState } from "./attempt-words";
import { clockTime } from "./clock-time";
import type { RunStepData } from "./run-detail-types";
import { StepAttempts } from "./step-attempts";

type GraphNode = { id: string; kind: string; config: unknown; label?: string };

function StepTiming({ step }: { step: RunStepData }) {
  if (step.status === "sleeping" && step.wakeAt) return <>Waiting until {step.wakeAt.toLocaleString()}</>;
  const took = step.finishedAt ? formatDurationMs(Math.max(0, step.finishedAt.getTime() - step.startedAt.getTime())) : null;
  const retry = retryState(step.status, step.attempts);
  return (
    <>
      {clockTime(step.startedAt)}
      {took ? ` · took ${took}` : ""}
      {step.attempt > 1 ? ` · ${step.attempt} attempts` : ""}
      {retry ? <span data-testid="step-retry-state">{` · ${retry}`}</span> : null}
    </>
  );
}

/**
 * Each step in the order it ran, then the steps the run never reached; one opens at a time, in step
 * with the canvas. An open action lists its attempts above what it did.
 */
export function RunStepTimeline({
  steps,
  nodes,
  selectedNodeId,
  onSelect,
}: {
  steps: RunStepData[];
  nodes: GraphNode[];
  selectedNodeId: string | null;
  onSelect: (nodeId: string | null) => void;
}) {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const recorded = new Set(steps.map((step) => step.nodeId));
  const notReached = nodes.filter((node) => !recorded.has(node.id));
  const selectedRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [selectedNodeId]);

  return (
    <ol className="flex flex-col gap-2" aria-label="Steps">
      {steps.map((step) => {
        const node = byId.get(step.nodeId);
        const definition = getNodeDefinition(step.nodeKind);
        const open = selectedNodeId === step.nodeId;
        return (
          <li
            key={step.nodeId}
            ref={open ? selectedRef : undefined}
            className={cn("rounded-md border bg-card", open && "ring-2 ring-primary/50")}
            data-testid="run-step"
            data-node-id={step.nodeId}
            data-status={step.status}
          >
            <button
              type="button"
              className="flex w-full cursor-pointer items-center gap-3 px-3 py-2.5 text-left"
              aria-expanded={open}
              onClick={() => onSelect(open ? null : step.nodeId)}
            >
              <ChevronRight className={cn("size-4 shrink-0 text-muted-foreground transition-transform", open && "rotate-90")} aria-hidden />
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{node?.label || definition?.label || step.nodeKind}</span>
                <span className="block truncate text-xs text-muted-foreground">
                  {node ? summarizeNode(node.kind, node.config) : step.nodeKind}
                  {step.branch ? ` → ${step.branch === "true" ? "Yes" : "No"}` : ""}
                </span>
                <span className="block text-xs tabular-nums text-muted-foreground">
                  <StepTiming step={step} />
                </span>
              </span>
              <StatusBadge status={step.status} />
            </button>
            {open ? (
              <div className="grid min-w-0 grid-cols-1 gap-3 border-t px-3 py-3">
                <StepAttempts attempts={step.attempts} />
                <DeliveryStatusShownAbove value={step.attempts.some((attempt) => (attempt.deliveries?.length ?? 0) > 0)}>
                  <StepView step={step} node={node} />
                </DeliveryStatusShownAbove>
              </div>
            ) : null}
          </li>
        );
      })}
      {notReached.map((node) => (
        <li
          key={node.id}
          className={cn(
            "rounded-md border border-dashed px-3 py-2.5 text-muted-foreground",
            selectedNodeId === node.id && "ring-2 ring-primary/50",
          )}
          data-testid="run-step-not-reached"
          data-node-id={node.id}
        >
          <span className="block truncate text-sm font-medium">{node.label || getNodeDefinition(node.kind)?.label || node.kind}</span>
          <span className="block text-xs">Not reached{getNodeDefinition(node.kind) ? "" : " (unknown step)"}</span>
        </li>
      ))}
    </ol>
  );
}
