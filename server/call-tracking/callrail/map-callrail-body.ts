import type { EventType } from "@/engine";
import { isStorableDate, storableDateRange } from "@/server/http/storable-date";
import { callRailKindInfo, type CallRailKind } from "./callrail-kinds";
import { bool, count, datetime, formFields, number, phone, Refused, tags, text, urls, type Coerce, type StrictCoerce } from "./coerce";

/** One row of the mapping: the event field it fills, CallRail's names for it (first present wins), and how to read it. */
type Rule = { to: string; from: readonly string[]; as: Coerce<unknown> | StrictCoerce<unknown> };
const rule = (to: string, from: readonly string[], as: Rule["as"]): Rule => ({ to, from, as });

const direction: Coerce<"inbound" | "outbound"> = (value) => {
  const word = text(value)?.toLowerCase();
  return word === "outbound" || word === "inbound" ? word : null;
};

const callerRules = [
  rule("caller.phone_number", ["customer_phone_number", "customer_number", "callernum"], phone),
  rule("caller.name", ["customer_name", "caller_name"], text),
  rule("caller.city", ["customer_city"], text),
  rule("caller.state", ["customer_state"], text),
  rule("caller.country", ["customer_country"], text),
  rule("caller.first_call", ["first_call"], bool),
  rule("caller.prior_calls", ["prior_calls"], count),
];

const trackingRules = [
  rule("tracking_number.phone_number", ["tracking_phone_number", "trackingnum"], phone),
  rule("tracking_number.business_phone_number", ["business_phone_number", "destinationnum"], phone),
  rule("tracking_number.label", ["tracker_name", "source_name"], text),
];

const attributionRules = [
  rule("attribution.source", ["source", "utm_source", "source_name"], text),
  rule("attribution.medium", ["medium", "utm_medium"], text),
  rule("attribution.campaign", ["campaign", "utm_campaign"], text),
  rule("attribution.keywords", ["keywords", "utm_term"], text),
  rule("attribution.landing_page_url", ["landing_page_url", "landing_page"], text),
  rule("attribution.referrer", ["referring_url", "referrer", "referrer_domain"], text),
  rule("attribution.gclid", ["gclid"], text),
];

const callRules = [
  rule("call.external_id", ["resource_id", "id"], text),
  rule("call.direction", ["direction"], direction),
  rule("call.answered", ["answered"], bool),
  rule("call.duration_seconds", ["duration", "call_duration"], count),
  rule("call.started_at", ["start_time", "created_at", "datetime"], datetime),
  rule("call.recording_url", ["recording", "recording_url", "recording_player"], text),
  rule("call.tags", ["tags"], tags),
  rule("call.value", ["value"], number),
  rule("call.notes", ["note", "notes"], text),
];

const messageRules = [
  rule("message.id", ["resource_id", "id"], text),
  rule("message.body", ["content", "message", "body"], text),
  rule("message.media_urls", ["media_urls", "media"], urls),
];

/** A text's customer and tracking number: the sender and recipient, according to its direction. */
const textPartyRules = (received: boolean) => [
  rule("caller.phone_number", ["customer_phone_number", received ? "source_number" : "destination_number"], phone),
  rule("tracking_number.phone_number", ["tracking_phone_number", received ? "destination_number" : "source_number"], phone),
];

const formRules = [
  rule("form.id", ["resource_id", "id"], text),
  rule("form.name", ["form_name"], text),
  rule("form.url", ["form_url", "landing_page_url"], text),
  rule("form.fields", ["form_data"], formFields),
  rule("created_at", ["submitted_at", "created_at"], datetime),
];

type Draft = Record<string, Record<string, unknown> | unknown>;

/**
 * Applies the rules; a field nobody sent (or that cannot be read) is left out, so the schema's
 * default applies. The first value a strict coercer refuses refuses the body, naming CallRail's field.
 */
function apply(rules: Rule[], body: Record<string, unknown>, draft: Draft = {}): Draft | Refusal {
  for (const { to, from, as } of rules) {
    let value: unknown = null;
    for (const key of from) {
      value = as(body[key]);
      if (value instanceof Refused) return { refused: value.describe(key) };
      if (value !== null) break;
    }
    if (value === null) continue;
    const [section, field] = to.split(".") as [string, string | undefined];
    if (field === undefined) draft[section] = value;
    else draft[section] = { ...((draft[section] as Record<string, unknown> | undefined) ?? {}), [field]: value };
  }
  return draft;
}

export type MappedCallRailBody = {
  kind: CallRailKind;
  eventType: EventType;
  /** CallRail's id for the call, text or form (`resource_id`). */
  externalId: string;
  /** The event without what only the database knows (call id, prior calls when CallRail left them out, changes). */
  draft: Record<string, unknown> & {
    caller?: Record<string, unknown> | null;
    tracking_number?: Record<string, unknown> | null;
    call?: Record<string, unknown>;
  };
};

export type MapResult = { ok: true; mapped: MappedCallRailBody } | { ok: false; reason: string };

type Refusal = { refused: string };

function isRefusal(result: Draft | Refusal): result is Refusal {
  return typeof result.refused === "string";
}

function section(draft: Draft, name: string): Record<string, unknown> | undefined {
  return draft[name] as Record<string, unknown> | undefined;
}

/** The call's outcome in the engine's words, from CallRail's `answered`, `voicemail` and `call_type`. */
function callStatus(kind: CallRailKind, body: Record<string, unknown>, answered: boolean) {
  const stage = callRailKindInfo[kind].stage ?? "completed";
  if (stage === "started") return "ringing";
  if (answered) return "answered";
  if (stage === "routed") return "in_progress";
  const type = text(body.call_type)?.toLowerCase() ?? "";
  if (bool(body.voicemail) || type.includes("voicemail")) return "voicemail";
  if (type.includes("busy")) return "busy";
  if (type.includes("fail")) return "failed";
  if (type.includes("abandon") || type.includes("cancel")) return "canceled";
  return "no_answer";
}

/**
 * Maps one CallRail webhook body onto the event schema, field by field from the tables above.
 * Unknown fields are not mapped (the handler keeps the whole body next to the event).
 */
export function mapCallRailBody(kind: CallRailKind, body: Record<string, unknown>, now = new Date()): MapResult {
  const info = callRailKindInfo[kind];
  const base: Draft = { id: "pending", created_at: now.toISOString() };

  if (info.category === "call") {
    const draft = apply([...callRules, ...callerRules, ...trackingRules, ...attributionRules], body, base);
    if (isRefusal(draft)) return { ok: false, reason: draft.refused };
    const call = section(draft, "call") ?? {};
    const externalId = text(call.external_id);
    if (!externalId) return { ok: false, reason: "The call has no resource_id, so it cannot be told apart from other calls." };
    if (!section(draft, "caller")?.phone_number) {
      return { ok: false, reason: "The call has no customer_phone_number: there is no caller to attach it to." };
    }
    if (!section(draft, "tracking_number")?.phone_number) {
      return { ok: false, reason: "The call has no tracking_phone_number: there is no tracking number to attach it to." };
    }
    const callDirection = kind.startsWith("outbound_") ? "outbound" : ((call.direction as "inbound" | "outbound" | undefined) ?? "inbound");
    const answered = (call.answered as boolean | undefined) ?? false;
    // Pre-call and routing bodies may leave the start out: the call is starting now. A start that was sent but is no date was refused above.
    const startedAt = (call.started_at as string | undefined) ?? now.toISOString();
    const duration = call.duration_seconds as number | undefined;
    const finished = (info.stage ?? "completed") === "completed";
    const endedAt = finished && duration !== undefined ? new Date(new Date(startedAt).getTime() + duration * 1000) : null;
    if (endedAt && !isStorableDate(endedAt)) {
      return {
        ok: false,
        reason: `The call's end (start_time plus duration) is outside ${storableDateRange}: check "duration" and "start_time".`,
      };
    }
    draft.call = {
      ...call,
      id: "pending",
      direction: callDirection,
      answered,
      status: callStatus(kind, body, answered),
      started_at: startedAt,
      ended_at: endedAt?.toISOString() ?? null,
    };
    if (kind === "call_routing_complete") {
      draft.routing = {
        destination_phone_number: section(draft, "tracking_number")?.business_phone_number ?? null,
        routed_at: now.toISOString(),
        agent_name: text(body.agent_name) ?? text(body.answered_by),
      };
    }
    return { ok: true, mapped: { kind, eventType: info.eventType(callDirection), externalId, draft } };
  }

  if (info.category === "sms") {
    const received = kind === "text_message_received";
    const draft = apply([...messageRules, ...textPartyRules(received), ...callerRules, ...trackingRules, ...attributionRules], body, base);
    if (isRefusal(draft)) return { ok: false, reason: draft.refused };
    const message = section(draft, "message") ?? {};
    const externalId = text(message.id);
    if (!externalId) return { ok: false, reason: "The text message has no resource_id, so it cannot be told apart from other texts." };
    if (!section(draft, "caller")?.phone_number) {
      return {
        ok: false,
        reason: `The text message has no ${received ? "sender" : "recipient"} (customer_phone_number or ${received ? "source_number" : "destination_number"}).`,
      };
    }
    if (!section(draft, "tracking_number")?.phone_number) {
      return { ok: false, reason: "The text message has no tracking number (tracking_phone_number or destination_number)." };
    }
    draft.message = { body: "", ...message, direction: received ? "inbound" : "outbound" };
    return { ok: true, mapped: { kind, eventType: info.eventType("inbound"), externalId, draft } };
  }

  const draft = apply([...formRules, ...callerRules, ...trackingRules, ...attributionRules], body, base);
  if (isRefusal(draft)) return { ok: false, reason: draft.refused };
  const form = section(draft, "form") ?? {};
  const externalId = text(form.id);
  if (!externalId)
    return { ok: false, reason: "The form submission has no resource_id, so it cannot be told apart from other submissions." };
  if (!form.fields) return { ok: false, reason: "The form submission has no form_data object with the submitted fields." };
  // A form need not ask for a phone number: no caller then, and no tracking number without a number.
  if (!section(draft, "caller")?.phone_number) draft.caller = null;
  if (!section(draft, "tracking_number")?.phone_number) draft.tracking_number = null;
  return { ok: true, mapped: { kind, eventType: info.eventType("inbound"), externalId, draft } };
}
