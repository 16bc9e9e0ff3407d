import { eventTypeInfo, type EventType } from "@/engine";

// Short forms for table cells; the trigger picker's full sentences ("When a call is missed") are too long there.
const shortLabels: Record<EventType, string> = {
  "call.answered": "Call answered",
  "call.missed": "Call missed",
  "call.started": "Call started",
  "call.routed": "Call routed",
  "call.completed": "Call ended",
  "call.modified": "Call updated",
  "call.outbound_completed": "Outgoing call ended",
  "call.outbound_modified": "Outgoing call updated",
  "sms.received": "Text received",
  "sms.sent": "Text sent",
  "form.submitted": "Form submitted",
  "convert_assist.completed": "Call summary ready",
};

export function shortEventLabel(type: string): string {
  return shortLabels[type as EventType] ?? eventTypeInfo[type as EventType]?.label ?? type;
}

export const eventTypeOptions = Object.entries(shortLabels).map(([value, label]) => ({ value, label }));
