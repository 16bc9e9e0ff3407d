export const eventTypes = [
  "call.answered",
  "call.missed",
  "call.started",
  "call.routed",
  "call.completed",
  "call.modified",
  "call.outbound_completed",
  "call.outbound_modified",
  "sms.received",
  "sms.sent",
  "form.submitted",
  "convert_assist.completed",
] as const;

export type EventType = (typeof eventTypes)[number];

export type EventCategory = "call" | "sms" | "form" | "ai";

export interface EventTypeInfo {
  type: EventType;
  /** Marketer-facing trigger label, as shown on the trigger node and in the picker. */
  label: string;
  description: string;
  category: EventCategory;
}

export const eventCategoryLabels: Record<EventCategory, string> = {
  call: "Calls",
  sms: "Text messages",
  form: "Forms",
  ai: "AI summaries",
};

export const eventTypeInfo: Record<EventType, EventTypeInfo> = {
  "call.answered": {
    type: "call.answered",
    label: "When a call is answered",
    description: "An incoming call ended after someone picked up.",
    category: "call",
  },
  "call.missed": {
    type: "call.missed",
    label: "When a call is missed",
    description: "An incoming call ended without being answered (no answer, busy, failed, canceled or voicemail).",
    category: "call",
  },
  "call.started": {
    type: "call.started",
    label: "When a call starts",
    description: "A call reached one of your tracking numbers, before it is routed.",
    category: "call",
  },
  "call.routed": {
    type: "call.routed",
    label: "When a call is routed",
    description: "A call was connected to its destination.",
    category: "call",
  },
  "call.completed": {
    type: "call.completed",
    label: "When a call ends",
    description: "An incoming call finished, whatever the outcome.",
    category: "call",
  },
  "call.modified": {
    type: "call.modified",
    label: "When a call is updated",
    description: "A finished call was changed afterwards (tags, notes or value).",
    category: "call",
  },
  "call.outbound_completed": {
    type: "call.outbound_completed",
    label: "When an outgoing call ends",
    description: "A call made from one of your tracking numbers finished.",
    category: "call",
  },
  "call.outbound_modified": {
    type: "call.outbound_modified",
    label: "When an outgoing call is updated",
    description: "A finished outgoing call was changed afterwards.",
    category: "call",
  },
  "sms.received": {
    type: "sms.received",
    label: "When a text is received",
    description: "A text message arrived at one of your tracking numbers.",
    category: "sms",
  },
  "sms.sent": {
    type: "sms.sent",
    label: "When a text is sent",
    description: "A text message was sent from one of your tracking numbers.",
    category: "sms",
  },
  "form.submitted": {
    type: "form.submitted",
    label: "When a form is submitted",
    description: "Someone submitted one of your tracked web forms.",
    category: "form",
  },
  "convert_assist.completed": {
    type: "convert_assist.completed",
    label: "When an AI call summary is ready",
    description: "The AI finished summarising a call.",
    category: "ai",
  },
};

export function isEventType(value: unknown): value is EventType {
  return typeof value === "string" && (eventTypes as readonly string[]).includes(value);
}

/** Event types whose payload carries a `call` object. */
export const callEventTypes = eventTypes.filter(
  (type) => type.startsWith("call.") || type === "convert_assist.completed",
) as readonly EventType[];

/** Call events that happen after the call ended, so duration and outcome are known. */
export const finishedCallEventTypes: readonly EventType[] = [
  "call.answered",
  "call.missed",
  "call.completed",
  "call.modified",
  "call.outbound_completed",
  "call.outbound_modified",
  "convert_assist.completed",
];

export const smsEventTypes: readonly EventType[] = ["sms.received", "sms.sent"];

/** Event types that always name the tracking number involved (forms have none). */
export const trackingNumberEventTypes = eventTypes.filter((type) => type !== "form.submitted") as readonly EventType[];
