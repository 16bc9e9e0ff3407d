import type { EventType } from "@/engine";
import type { CallStage } from "../call-stages";

export type CallRailCategory = "call" | "sms" | "form";

export type KindInfo = {
  label: string;
  category: CallRailCategory;
  /** The event it becomes; for calls CallRail's `direction` may turn an inbound kind into its outbound twin. */
  eventType: (direction: "inbound" | "outbound") => EventType;
  /** Position in a call's life (call-stages): a kind behind the stored call's stage is ignored. Modifications follow completion. */
  stage?: CallStage;
  /** Modifications can repeat for one call: each distinct body is its own event. */
  repeatable?: boolean;
};

/** CallRail's webhook types, as the `?event=` parameter names them (one URL per type in CallRail's settings). */
export const callRailKinds = {
  pre_call: { label: "Pre-call", category: "call", eventType: () => "call.started", stage: "started" },
  call_routing_complete: { label: "Call routing complete", category: "call", eventType: () => "call.routed", stage: "routed" },
  post_call: {
    label: "Post-call",
    category: "call",
    eventType: (direction) => (direction === "outbound" ? "call.outbound_completed" : "call.completed"),
    stage: "completed",
  },
  call_modified: {
    label: "Call modified",
    category: "call",
    eventType: (direction) => (direction === "outbound" ? "call.outbound_modified" : "call.modified"),
    stage: "completed",
    repeatable: true,
  },
  outbound_post_call: { label: "Outbound post-call", category: "call", eventType: () => "call.outbound_completed", stage: "completed" },
  outbound_call_modified: {
    label: "Outbound call modified",
    category: "call",
    eventType: () => "call.outbound_modified",
    stage: "completed",
    repeatable: true,
  },
  text_message_received: { label: "Text message received", category: "sms", eventType: () => "sms.received" },
  text_message_sent: { label: "Text message sent", category: "sms", eventType: () => "sms.sent" },
  form_submission: { label: "Form submission", category: "form", eventType: () => "form.submitted" },
} as const satisfies Record<string, KindInfo>;

export type CallRailKind = keyof typeof callRailKinds;

/** The same table, read through its row type. */
export const callRailKindInfo: Record<CallRailKind, KindInfo> = callRailKinds;

const aliases: Record<string, CallRailKind> = {
  precall: "pre_call",
  routing_complete: "call_routing_complete",
  postcall: "post_call",
  call_completed: "post_call",
  modified: "call_modified",
  outbound_call: "outbound_post_call",
  outbound_modified: "outbound_call_modified",
  sms_received: "text_message_received",
  text_received: "text_message_received",
  sms_sent: "text_message_sent",
  text_sent: "text_message_sent",
  form: "form_submission",
  form_submitted: "form_submission",
};

export const callRailEventParams = (Object.keys(callRailKinds) as CallRailKind[]).map((event) => ({
  event,
  label: callRailKinds[event].label,
}));

/** Own keys only: `?event=constructor` must not find Object.prototype's. */
function lookUp<T>(table: Record<string, T>, key: string): T | null {
  return Object.hasOwn(table, key) ? table[key]! : null;
}

/** `?event=` as people may write it ("post-call", "Post Call", "sms_received"), or null when unknown. */
export function parseCallRailKind(value: string): CallRailKind | null {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, "_");
  if (Object.hasOwn(callRailKinds, key)) return key as CallRailKind;
  return lookUp(aliases, key) ?? lookUp(aliases, key.replace(/_/g, ""));
}

function has(body: Record<string, unknown>, ...keys: string[]) {
  return keys.some((key) => body[key] !== undefined && body[key] !== null && body[key] !== "");
}

/** When the URL does not say: forms have form data, texts have content, anything else with call fields is a finished call. */
export function inferCallRailKind(body: Record<string, unknown>): CallRailKind | null {
  // Not String(): an object whose toString is not a function makes it throw.
  const outbound = typeof body.direction === "string" && body.direction.trim().toLowerCase() === "outbound";
  if (has(body, "form_data", "form_url", "form_name")) return "form_submission";
  if (has(body, "content", "message") && !has(body, "duration", "answered"))
    return outbound ? "text_message_sent" : "text_message_received";
  if (has(body, "customer_phone_number", "tracking_phone_number", "answered", "duration"))
    return outbound ? "outbound_post_call" : "post_call";
  return null;
}
