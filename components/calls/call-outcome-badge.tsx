import { FlaskConical } from "lucide-react";
import { callStatusLabels, type CallStatus } from "@/engine";
import { Badge } from "@/components/ui/badge";

const looks = {
  answered: { tone: "success", label: "Answered" },
  missed: { tone: "danger", label: "Missed" },
  in_progress: { tone: "primary", label: "In progress" },
} as const;

/** Answered / Missed / In progress, with Twilio's detail ("Busy", "No answer") as a tooltip. */
export function CallOutcomeBadge({ outcome, status }: { outcome: keyof typeof looks; status: string | null }) {
  const look = looks[outcome];
  const detail = status ? (callStatusLabels[status as CallStatus] ?? status) : undefined;
  return (
    <Badge tone={look.tone} data-outcome={outcome} title={detail && detail !== look.label ? detail : undefined}>
      {look.label}
      {outcome === "missed" && detail && detail !== "No answer" ? <span className="font-normal">· {detail}</span> : null}
    </Badge>
  );
}

/** Marks a call made with "Simulate a call": listed like a real one, but no one called. */
export function SimulatedCallBadge() {
  return (
    <Badge tone="warning" data-testid="simulated-call" title="Made with “Simulate a call”. It is not counted in your call numbers.">
      <FlaskConical className="size-3" aria-hidden /> Simulated
    </Badge>
  );
}
