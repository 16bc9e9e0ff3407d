import { CircleCheck, CircleDashed, CircleMinus, CircleX, Clock, LoaderCircle, type LucideIcon } from "lucide-react";
import type { NodeOutcome } from "./run-path";

/** How each outcome looks on the run canvas: a coloured frame and a corner badge; untaken steps fade. */
export const outcomeStyles: Record<NodeOutcome, { label: string; icon: LucideIcon; frame: string; badge: string }> = {
  succeeded: { label: "Succeeded", icon: CircleCheck, frame: "border-success ring-2 ring-success/30", badge: "text-success" },
  failed: { label: "Failed", icon: CircleX, frame: "border-destructive ring-2 ring-destructive/30", badge: "text-destructive" },
  waiting: { label: "Waiting", icon: Clock, frame: "border-warning ring-2 ring-warning/30", badge: "text-warning" },
  running: { label: "Running", icon: LoaderCircle, frame: "border-primary ring-2 ring-primary/30", badge: "text-primary animate-spin" },
  skipped: { label: "Skipped", icon: CircleMinus, frame: "border-dashed opacity-50 grayscale", badge: "text-muted-foreground" },
  "not-reached": { label: "Not reached", icon: CircleDashed, frame: "border-dashed opacity-40 grayscale", badge: "text-muted-foreground" },
};

export const edgeStyles = {
  taken: { stroke: "var(--color-success)", strokeWidth: 2.5 },
  "not-taken": { stroke: "var(--color-border)", strokeWidth: 1.5, strokeDasharray: "5 5" },
} as const;
