import type { EventType } from "./event-types";
import { workflowEventSchema, type EventOfType, type WorkflowEvent } from "./event-schema";

const organization = { id: "org_sample", name: "Acme Dental" };

const caller = {
  phone_number: "+14155550123",
  name: "Jane Doe",
  city: "Oakland",
  state: "CA",
  country: "US",
  first_call: false,
  prior_calls: 3,
};

const trackingNumber = {
  phone_number: "+14155550100",
  label: "Spring mailer",
  business_phone_number: "+14155550999",
};

const attribution = {
  source: "Google Ads",
  medium: "cpc",
  campaign: "spring",
  keywords: "dentist near me",
  landing_page_url: "https://acmedental.example/spring",
  referrer: "https://www.google.com/",
  gclid: "Cj0KCQiA-sample",
};

const answeredCall = {
  id: "call_sample",
  external_id: "CA9f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e",
  direction: "inbound" as const,
  status: "answered" as const,
  answered: true,
  duration_seconds: 184,
  started_at: "2026-11-21T15:01:01Z",
  ended_at: "2026-11-21T15:04:05Z",
  recording_url: "https://recordings.example/call_sample.mp3",
  tags: ["new-patient"],
  value: null as number | null,
  notes: null as string | null,
};

const missedCall = {
  ...answeredCall,
  status: "no_answer" as const,
  answered: false,
  duration_seconds: 0,
  ended_at: "2026-11-21T15:01:31Z",
  recording_url: null,
  tags: [],
};

const base = (type: EventType) => ({
  id: `evt_sample_${type.replace(/\W/g, "_")}`,
  type,
  created_at: "2026-11-21T15:04:05Z",
  organization,
});

const callBase = (type: EventType, call: typeof answeredCall | typeof missedCall) => ({
  ...base(type),
  call,
  caller,
  tracking_number: trackingNumber,
  attribution,
});

const samples: { [T in EventType]: () => unknown } = {
  "call.answered": () => callBase("call.answered", answeredCall),
  "call.missed": () => callBase("call.missed", missedCall),
  "call.started": () => ({
    ...callBase("call.started", {
      ...answeredCall,
      status: "ringing",
      answered: false,
      duration_seconds: null,
      ended_at: null,
      recording_url: null,
      tags: [],
    } as unknown as typeof answeredCall),
    created_at: "2026-11-21T15:01:01Z",
  }),
  "call.routed": () => ({
    ...callBase("call.routed", {
      ...answeredCall,
      status: "in_progress",
      duration_seconds: null,
      ended_at: null,
      recording_url: null,
      tags: [],
    } as unknown as typeof answeredCall),
    created_at: "2026-11-21T15:01:09Z",
    routing: {
      destination_phone_number: "+14155550999",
      routed_at: "2026-11-21T15:01:09Z",
      agent_name: "Front desk",
    },
  }),
  "call.completed": () => callBase("call.completed", answeredCall),
  "call.modified": () => ({
    ...callBase("call.modified", { ...answeredCall, tags: ["new-patient", "booked"], value: 250 }),
    created_at: "2026-11-21T16:20:00Z",
    changes: { tags: { from: ["new-patient"], to: ["new-patient", "booked"] }, value: { from: null, to: 250 } },
  }),
  "call.outbound_completed": () => ({
    ...callBase("call.outbound_completed", { ...answeredCall, direction: "outbound" } as unknown as typeof answeredCall),
    caller: { ...caller, first_call: false },
  }),
  "call.outbound_modified": () => ({
    ...callBase("call.outbound_modified", {
      ...answeredCall,
      direction: "outbound",
      notes: "Booked a cleaning",
    } as unknown as typeof answeredCall),
    created_at: "2026-11-21T16:20:00Z",
    changes: { notes: { from: null, to: "Booked a cleaning" } },
  }),
  "sms.received": () => ({
    ...base("sms.received"),
    message: {
      id: "msg_sample",
      body: "Hi, do you have any openings on Saturday?",
      media_urls: [],
      direction: "inbound",
    },
    caller,
    tracking_number: trackingNumber,
    attribution,
  }),
  "sms.sent": () => ({
    ...base("sms.sent"),
    message: {
      id: "msg_sample_out",
      body: "Thanks Jane! We have 10am or 2pm on Saturday.",
      media_urls: [],
      direction: "outbound",
    },
    caller,
    tracking_number: trackingNumber,
    attribution,
  }),
  "form.submitted": () => ({
    ...base("form.submitted"),
    form: {
      id: "form_sample",
      name: "Book an appointment",
      url: "https://acmedental.example/book",
      fields: {
        name: "Jane Doe",
        email: "jane@example.com",
        phone: "+14155550123",
        message: "I'd like a cleaning next week.",
      },
    },
    caller: { ...caller, first_call: true, prior_calls: 0 },
    tracking_number: null,
    attribution,
  }),
  "convert_assist.completed": () => ({
    ...callBase("convert_assist.completed", answeredCall),
    created_at: "2026-11-21T15:06:00Z",
    convert_assist: {
      summary: "Jane asked about a cleaning appointment and booked Saturday at 10am.",
      sentiment: "positive",
      lead_qualified: true,
      topics: ["cleaning", "scheduling"],
      action_items: ["Send appointment reminder"],
    },
  }),
};

/** A realistic, fixed event of the given type, for previews, test runs and the test-webhook button. */
export function sampleEvent<T extends EventType>(type: T): EventOfType<T> {
  return workflowEventSchema.parse(samples[type]()) as EventOfType<T>;
}

/** A sample event with some parts replaced; the result is validated like any incoming event. */
export function sampleEventWith<T extends EventType>(type: T, patch: (draft: EventOfType<T>) => void): EventOfType<T> {
  const draft = structuredClone(sampleEvent(type));
  patch(draft);
  return workflowEventSchema.parse(draft) as EventOfType<T>;
}

export function isSampleEvent(event: WorkflowEvent): boolean {
  return event.id.startsWith("evt_sample_");
}

/** The callers a template preview can switch between: the usual one, and the ones texts go wrong for. */
export const sampleCallers = [
  { id: "named", label: "Jane Doe, from Google Ads" },
  { id: "unnamed", label: "A caller without a name" },
  { id: "no_source", label: "A caller with no known source" },
] as const;
export type SampleCallerId = (typeof sampleCallers)[number]["id"];

/** The sample event of this type as it would come from one of the `sampleCallers`. */
export function sampleEventFrom<T extends EventType>(type: T, callerId: SampleCallerId): EventOfType<T> {
  if (callerId === "named") return sampleEvent(type);
  return sampleEventWith(type, (draft) => {
    const event = draft as WorkflowEvent & { attribution?: Record<string, unknown> | null; form?: { fields: Record<string, unknown> } };
    if (callerId === "unnamed") {
      if (event.caller) Object.assign(event.caller, { name: null, city: null, state: null, country: null });
      if (event.form) delete event.form.fields.name;
      return;
    }
    if (event.attribution) {
      for (const key of Object.keys(event.attribution)) event.attribution[key] = null;
    }
  });
}
