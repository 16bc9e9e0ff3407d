"use client";

import { StepView, wasSimulated, type StepRecord } from "@/components/steps/step-view";
import { StatusBadge } from "@/components/ui/status-badge";
import { isExecutableAction } from "@/engine";

export type TestRunStep = StepRecord & { nodeId: string };

/** What one step did (or would have done) in a test run, in the words a marketer would use. */
export function StepResult({ step, label }: { step: TestRunStep; label: string }) {
  const category =
    isExecutableAction(step.nodeKind) && step.status === "succeeded"
      ? wasSimulated(step.output)
        ? "Not sent (test)"
        : "Sent for real"
      : null;

  return (
    <li
      className="grid grid-cols-1 gap-2 rounded-md border bg-card p-3"
      data-testid="test-step"
      data-node-id={step.nodeId}
      data-status={step.status}
    >
      <div className="flex items-center justify-between gap-2">
        <p className="truncate text-sm font-medium">{label}</p>
        <div className="flex shrink-0 items-center gap-1.5">
          {category ? (
            <span className={category === "Sent for real" ? "text-xs font-medium text-warning" : "text-xs text-muted-foreground"}>
              {category}
            </span>
          ) : null}
          <StatusBadge status={step.status} />
        </div>
      </div>
      {/* The header already says whether it was sent. */}
      <StepView step={step} simulatedNote={false} />
    </li>
  );
}
