import { Badge } from "./badge";

const tones = {
  succeeded: "success",
  failed: "danger",
  skipped: "neutral",
  queued: "primary",
  running: "primary",
  waiting: "warning",
  sleeping: "warning",
  active: "success",
  paused: "warning",
  draft: "neutral",
} as const;

const labels: Record<string, string> = {
  succeeded: "Succeeded",
  failed: "Failed",
  skipped: "Skipped",
  queued: "Queued",
  running: "Running",
  waiting: "Waiting",
  sleeping: "Waiting",
  active: "Active",
  paused: "Paused",
  draft: "Draft",
};

export function StatusBadge({ status }: { status: keyof typeof tones | string }) {
  return (
    <Badge tone={tones[status as keyof typeof tones] ?? "neutral"} data-status={status}>
      {labels[status] ?? status}
    </Badge>
  );
}
