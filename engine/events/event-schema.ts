import { z } from "zod";

export const callStatuses = ["ringing", "in_progress", "answered", "no_answer", "busy", "failed", "canceled", "voicemail"] as const;
export type CallStatus = (typeof callStatuses)[number];

export const callStatusLabels: Record<CallStatus, string> = {
  ringing: "Ringing",
  in_progress: "In progress",
  answered: "Answered",
  no_answer: "No answer",
  busy: "Busy",
  failed: "Failed",
  canceled: "Canceled",
  voicemail: "Voicemail",
};

const text = z.string().max(10_000);
// Optional facts default to null so every event has the same keys: templates and
// the variable picker can rely on them, and senders may simply leave them out.
const optionalText = text.nullable().default(null);
// Times an event may carry: what PostgreSQL stores and reads back faithfully. Year 0, years past
// 9999 (in UTC, offsets included) and years below 100 are not; no call or form predates 1900.
export const EARLIEST_EVENT_TIME = Date.parse("1900-01-01T00:00:00.000Z");
export const LATEST_EVENT_TIME = Date.parse("9999-12-31T23:59:59.999Z");
const timestamp = z.iso.datetime({ offset: true }).refine((value) => {
  const time = Date.parse(value);
  return time >= EARLIEST_EVENT_TIME && time <= LATEST_EVENT_TIME;
}, "Use a time between 1900-01-01 and 9999-12-31 (UTC)");

const organizationSchema = z.object({ id: z.string().min(1), name: z.string() });

export const callDetailsSchema = z.object({
  id: z.string().min(1),
  external_id: optionalText,
  direction: z.enum(["inbound", "outbound"]),
  status: z.enum(callStatuses),
  answered: z.boolean(),
  duration_seconds: z.number().int().min(0).max(2_147_483_647, "at most 2147483647 seconds").nullable().default(null),
  started_at: timestamp,
  ended_at: timestamp.nullable().default(null),
  recording_url: optionalText,
  tags: z.array(z.string().max(100)).max(100).default([]),
  value: z.number().nullable().default(null),
  notes: optionalText,
});

// What carriers' caller-ID databases send when they have no name: not a name to greet anyone by.
const noNameCallerIds = new Set([
  "anonymous",
  "blocked",
  "name not provided",
  "name unavailable",
  "no caller id",
  "not provided",
  "out of area",
  "private",
  "private caller",
  "private number",
  "restricted",
  "unavailable",
  "unknown",
  "unknown caller",
  "unknown name",
  "wireless caller",
]);

/** A caller's name as a greeting can use it: trimmed; blank or a caller-ID placeholder is no name (null). */
const callerName = optionalText.transform((name) => {
  const trimmed = name?.trim() ?? "";
  return trimmed === "" || noNameCallerIds.has(trimmed.toLowerCase().replace(/\s+/g, " ")) ? null : trimmed;
});

export const callerSchema = z.object({
  phone_number: z.string().min(1).max(32),
  name: callerName,
  city: optionalText,
  state: optionalText,
  country: optionalText,
  first_call: z.boolean(),
  prior_calls: z.number().int().min(0).default(0),
});

export const trackingNumberSchema = z.object({
  phone_number: z.string().min(1).max(32),
  label: optionalText,
  business_phone_number: optionalText,
});

export const attributionSchema = z.object({
  source: optionalText,
  medium: optionalText,
  campaign: optionalText,
  keywords: optionalText,
  landing_page_url: optionalText,
  referrer: optionalText,
  gclid: optionalText,
});

const emptyAttribution = {
  source: null,
  medium: null,
  campaign: null,
  keywords: null,
  landing_page_url: null,
  referrer: null,
  gclid: null,
};

export const messageSchema = z.object({
  id: z.string().min(1),
  body: z.string().max(10_000),
  media_urls: z.array(z.string()).max(20).default([]),
  direction: z.enum(["inbound", "outbound"]),
});

const formFieldValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export type FormFieldValue = z.infer<typeof formFieldValue>;

export const formSchema = z.object({
  id: z.string().min(1),
  name: optionalText,
  url: optionalText,
  fields: z.record(z.string().max(200), formFieldValue),
});

export const routingSchema = z.object({
  destination_phone_number: optionalText,
  routed_at: timestamp,
  agent_name: optionalText,
});

export const callChangesSchema = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));

export const convertAssistSchema = z.object({
  summary: z.string(),
  sentiment: z.enum(["positive", "neutral", "negative"]).nullable().default(null),
  lead_qualified: z.boolean().nullable().default(null),
  topics: z.array(z.string()).default([]),
  action_items: z.array(z.string()).default([]),
});

const base = {
  id: z.string().min(1).max(200),
  created_at: timestamp,
  organization: organizationSchema,
};

const callParts = {
  ...base,
  call: callDetailsSchema,
  caller: callerSchema,
  tracking_number: trackingNumberSchema,
  attribution: attributionSchema.default(emptyAttribution),
};

const callEvent = <T extends string>(type: T) => z.object({ type: z.literal(type), ...callParts });

const smsEvent = <T extends string>(type: T) =>
  z.object({
    type: z.literal(type),
    ...base,
    message: messageSchema,
    caller: callerSchema,
    tracking_number: trackingNumberSchema,
    attribution: attributionSchema.default(emptyAttribution),
  });

export const callAnsweredEventSchema = callEvent("call.answered");
export const callMissedEventSchema = callEvent("call.missed");
export const callStartedEventSchema = callEvent("call.started");
export const callRoutedEventSchema = z.object({ type: z.literal("call.routed"), ...callParts, routing: routingSchema });
export const callCompletedEventSchema = callEvent("call.completed");
export const callModifiedEventSchema = z.object({
  type: z.literal("call.modified"),
  ...callParts,
  changes: callChangesSchema,
});
export const callOutboundCompletedEventSchema = callEvent("call.outbound_completed");
export const callOutboundModifiedEventSchema = z.object({
  type: z.literal("call.outbound_modified"),
  ...callParts,
  changes: callChangesSchema,
});
export const smsReceivedEventSchema = smsEvent("sms.received");
export const smsSentEventSchema = smsEvent("sms.sent");
export const formSubmittedEventSchema = z.object({
  type: z.literal("form.submitted"),
  ...base,
  form: formSchema,
  // A form may not ask for a phone number, and is not tied to a tracking number.
  caller: callerSchema.nullable().default(null),
  tracking_number: trackingNumberSchema.nullable().default(null),
  attribution: attributionSchema.default(emptyAttribution),
});
export const convertAssistCompletedEventSchema = z.object({
  type: z.literal("convert_assist.completed"),
  ...callParts,
  convert_assist: convertAssistSchema,
});

export const workflowEventSchema = z.discriminatedUnion("type", [
  callAnsweredEventSchema,
  callMissedEventSchema,
  callStartedEventSchema,
  callRoutedEventSchema,
  callCompletedEventSchema,
  callModifiedEventSchema,
  callOutboundCompletedEventSchema,
  callOutboundModifiedEventSchema,
  smsReceivedEventSchema,
  smsSentEventSchema,
  formSubmittedEventSchema,
  convertAssistCompletedEventSchema,
]);

export type WorkflowEvent = z.output<typeof workflowEventSchema>;
/** What a sender may submit: optional facts may be left out and default to null. */
export type WorkflowEventInput = z.input<typeof workflowEventSchema>;
export type EventOfType<T extends WorkflowEvent["type"]> = Extract<WorkflowEvent, { type: T }>;
export type CallDetails = z.output<typeof callDetailsSchema>;
export type Caller = z.output<typeof callerSchema>;
export type TrackingNumber = z.output<typeof trackingNumberSchema>;
export type Attribution = z.output<typeof attributionSchema>;

export type CallEvent = Extract<WorkflowEvent, { call: CallDetails }>;
export type SmsEvent = Extract<WorkflowEvent, { message: unknown }>;
export type FormEvent = EventOfType<"form.submitted">;

export function eventCall(event: WorkflowEvent): CallDetails | null {
  return "call" in event ? event.call : null;
}

export function eventMessage(event: WorkflowEvent): z.output<typeof messageSchema> | null {
  return "message" in event ? event.message : null;
}

export function eventForm(event: WorkflowEvent): FormEvent["form"] | null {
  return event.type === "form.submitted" ? event.form : null;
}

/** When the thing the event describes happened: the call's start, else when the event was created. */
export function eventOccurredAt(event: WorkflowEvent): Date {
  const call = eventCall(event);
  return new Date(call ? call.started_at : event.created_at);
}

export type ParseEventResult = { ok: true; event: WorkflowEvent } | { ok: false; issues: string[] };

export function parseWorkflowEvent(input: unknown): ParseEventResult {
  const result = workflowEventSchema.safeParse(input);
  if (result.success) return { ok: true, event: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => `${issue.path.join(".") || "event"}: ${issue.message}`),
  };
}
