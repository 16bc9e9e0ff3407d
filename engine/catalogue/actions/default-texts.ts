import type { EventType } from "../../events/event-types";

// The texts a new "Text the caller" or "Send an email" step starts with, worded for what started the
// workflow. Every value that can be missing has a fallback: a caller without a name reads "Hi there,".

const who = "{{ caller.name | default: caller.phone_number }}";
const hi = 'Hi {{ caller.name | default: "there" }}';
const signature = "- {{ organization.name }}";

const smsBodies: Partial<Record<EventType, string>> & { default: string } = {
  default: `${hi}, thanks for calling! We'll be in touch shortly. ${signature}`,
  "call.missed": `${hi}, sorry we missed your call! We'll call you right back. ${signature}`,
  "call.started": `${hi}, thanks for calling! ${signature}`,
  "call.routed": `${hi}, thanks for calling! ${signature}`,
  "call.outbound_completed": `${hi}, thanks for speaking with us! ${signature}`,
  "call.outbound_modified": `${hi}, thanks for speaking with us! ${signature}`,
  "sms.received": `${hi}, thanks for your message! We'll get back to you shortly. ${signature}`,
  "form.submitted": `${hi}, thanks for getting in touch! We'll call you shortly. ${signature}`,
};

const emailSubjects: Partial<Record<EventType, string>> & { default: string } = {
  default: `Call from ${who}`,
  "call.missed": `Missed call from ${who}`,
  "call.answered": `Answered call from ${who}`,
  "call.started": `Incoming call from ${who}`,
  "call.routed": `Call from ${who} was put through`,
  "call.completed": `Call from ${who} ended`,
  "call.modified": `Call from ${who} was updated`,
  "call.outbound_completed": `Call to ${who} ended`,
  "call.outbound_modified": `Call to ${who} was updated`,
  "sms.received": `Text from ${who}`,
  "sms.sent": `Text sent to ${who}`,
  "form.submitted": `New form from ${who}`,
  "convert_assist.completed": `Summary of the call from ${who}`,
};

// A new workflow starts on a missed call (see `emptyGraph`), so that is the wording without a trigger.
const fallbackEventType: EventType = "call.missed";

/** A new text message's words for this trigger. */
export function defaultSmsBody(eventType: EventType = fallbackEventType): string {
  return smsBodies[eventType] ?? smsBodies.default;
}

/** A new email's subject for this trigger: never "Missed call…" for an answered call. */
export function defaultEmailSubject(eventType: EventType = fallbackEventType): string {
  return emailSubjects[eventType] ?? emailSubjects.default;
}
