import { callStatusLabels, type WorkflowEvent } from "./event-schema";
import { eventTypeInfo } from "./event-types";

export interface SummaryLine {
  label: string;
  value: string;
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** A readable digest of an event, shown under notification emails and in run logs. */
export function summarizeEvent(event: WorkflowEvent): SummaryLine[] {
  const lines: SummaryLine[] = [{ label: "Event", value: eventTypeInfo[event.type].label.replace(/^When /, "") }];
  const add = (label: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== "") lines.push({ label, value: String(value) });
  };
  if (event.caller) {
    add("Caller", event.caller.name ? `${event.caller.name} (${event.caller.phone_number})` : event.caller.phone_number);
    add("Location", [event.caller.city, event.caller.state].filter(Boolean).join(", "));
    add("First-time caller", event.caller.first_call ? "Yes" : "No");
  }
  if (event.tracking_number) {
    const { phone_number, label } = event.tracking_number;
    add("Tracking number", label ? `${label} (${phone_number})` : phone_number);
  }
  add("Source", event.attribution.source);
  add("Campaign", event.attribution.campaign);
  if ("call" in event) {
    add("Status", callStatusLabels[event.call.status]);
    if (event.call.duration_seconds !== null) add("Duration", formatDuration(event.call.duration_seconds));
    add("Started", event.call.started_at);
    if (event.call.tags.length > 0) add("Tags", event.call.tags.join(", "));
    add("Recording", event.call.recording_url);
  }
  if ("message" in event) add("Message", event.message.body);
  if (event.type === "form.submitted") {
    add("Form", event.form.name ?? event.form.id);
    for (const [name, value] of Object.entries(event.form.fields)) {
      add(name, Array.isArray(value) ? value.join(", ") : value === null ? null : String(value));
    }
  }
  if (event.type === "convert_assist.completed") add("AI summary", event.convert_assist.summary);
  return lines;
}

export { formatDuration };
