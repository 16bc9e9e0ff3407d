import { describe, expect, it } from "vitest";
import { eventTypeInfo, eventTypes, isEventType } from "./event-types";
import { eventCall, eventForm, eventMessage, eventOccurredAt, parseWorkflowEvent, workflowEventSchema } from "./event-schema";
import { isSampleEvent, sampleEvent, sampleEventWith } from "./sample-events";

describe("event types", () => {
  it("has a marketer-facing label and a category for every type", () => {
    for (const type of eventTypes) {
      expect(eventTypeInfo[type].type).toBe(type);
      expect(eventTypeInfo[type].label).toMatch(/^When /);
      expect(["call", "sms", "form", "ai"]).toContain(eventTypeInfo[type].category);
    }
  });

  it("recognises event type names", () => {
    expect(isEventType("call.missed")).toBe(true);
    expect(isEventType("call.unknown")).toBe(false);
    expect(isEventType(42)).toBe(false);
  });
});

describe("sample events", () => {
  it.each(eventTypes)("%s sample is valid against the schema", (type) => {
    const event = sampleEvent(type);
    expect(event.type).toBe(type);
    expect(workflowEventSchema.parse(event)).toEqual(event);
    expect(isSampleEvent(event)).toBe(true);
  });

  it("gives answered and missed samples the matching outcome", () => {
    expect(sampleEvent("call.answered").call.answered).toBe(true);
    expect(sampleEvent("call.missed").call.answered).toBe(false);
    expect(sampleEvent("call.outbound_completed").call.direction).toBe("outbound");
  });

  it("returns a fresh copy each time", () => {
    const first = sampleEvent("call.completed");
    first.caller.name = "Changed";
    expect(sampleEvent("call.completed").caller.name).toBe("Jane Doe");
  });

  it("applies a patch and validates the result", () => {
    const event = sampleEventWith("call.completed", (draft) => {
      draft.call.duration_seconds = 9;
    });
    expect(event.call.duration_seconds).toBe(9);
    expect(() =>
      sampleEventWith("call.completed", (draft) => {
        (draft.call as { duration_seconds: unknown }).duration_seconds = -1;
      }),
    ).toThrow();
  });
});

describe("event schema", () => {
  it("fills optional facts with null so every event has the same keys", () => {
    const minimal = {
      id: "evt_1",
      type: "call.missed",
      created_at: "2026-01-01T10:00:00Z",
      organization: { id: "org_1", name: "Acme" },
      call: { id: "c1", direction: "inbound", status: "busy", answered: false, started_at: "2026-01-01T09:59:00Z" },
      caller: { phone_number: "+15550001111", first_call: true },
      tracking_number: { phone_number: "+15550002222" },
    };
    const result = parseWorkflowEvent(minimal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const event = result.event;
    expect(eventCall(event)).toMatchObject({ duration_seconds: null, recording_url: null, tags: [] });
    expect(event.caller?.name).toBeNull();
    expect(event.attribution.source).toBeNull();
  });

  it("keeps a caller's name only when it is one: blank names and caller-ID placeholders are no name", () => {
    const named = (name: string | null) =>
      sampleEventWith("call.missed", (event) => {
        event.caller!.name = name;
      });
    const nameOf = (name: string | null) => {
      const result = parseWorkflowEvent(named(name));
      if (!result.ok) throw new Error(result.issues.join("; "));
      return result.event.caller?.name;
    };
    expect(nameOf("  Dana Whitfield ")).toBe("Dana Whitfield");
    expect(nameOf("Private Detective Agency")).toBe("Private Detective Agency");
    for (const placeholder of [" ", "", "WIRELESS CALLER", "Unknown", "anonymous", "PRIVATE  CALLER", null]) {
      expect(nameOf(placeholder), String(placeholder)).toBeNull();
    }
  });

  it("rejects an unknown type and explains bad fields", () => {
    const wrongType = parseWorkflowEvent({ ...sampleEvent("call.missed"), type: "call.exploded" });
    expect(wrongType.ok).toBe(false);
    const badDuration = parseWorkflowEvent({
      ...sampleEvent("call.missed"),
      call: { ...sampleEvent("call.missed").call, duration_seconds: "long" },
    });
    expect(badDuration).toMatchObject({ ok: false });
    if (!badDuration.ok) expect(badDuration.issues.join()).toContain("call.duration_seconds");
    const notAnObject = parseWorkflowEvent("nope");
    expect(notAnObject.ok).toBe(false);
    if (!notAnObject.ok) expect(notAnObject.issues[0]).toMatch(/^event: /);
  });

  it("accepts timestamps with an offset and rejects nonsense dates", () => {
    expect(workflowEventSchema.safeParse({ ...sampleEvent("sms.received"), created_at: "2026-11-21T07:04:05-08:00" }).success).toBe(true);
    expect(workflowEventSchema.safeParse({ ...sampleEvent("sms.received"), created_at: "yesterday" }).success).toBe(false);
  });

  it("rejects times no database can store faithfully (before 1900 or past 9999 in UTC)", () => {
    const at = (created_at: string) => workflowEventSchema.safeParse({ ...sampleEvent("sms.received"), created_at });
    for (const time of ["0001-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "9999-12-31T23:59:59-15:00"]) {
      const result = at(time);
      expect(result.success, time).toBe(false);
      if (!result.success) expect(result.error.issues[0]!.message).toContain("between 1900-01-01 and 9999-12-31");
    }
    expect(at("1900-01-01T00:00:00Z").success).toBe(true);
    expect(at("9999-12-31T23:59:59Z").success).toBe(true);
  });

  it("lets a form event have no caller and no tracking number", () => {
    const event = workflowEventSchema.parse({ ...sampleEvent("form.submitted"), caller: undefined, tracking_number: undefined });
    expect(event.caller).toBeNull();
    expect(event.tracking_number).toBeNull();
  });
});

describe("event accessors", () => {
  it("finds the call, message and form parts", () => {
    expect(eventCall(sampleEvent("call.completed"))?.id).toBe("call_sample");
    expect(eventCall(sampleEvent("sms.received"))).toBeNull();
    expect(eventMessage(sampleEvent("sms.received"))?.body).toContain("Saturday");
    expect(eventMessage(sampleEvent("call.completed"))).toBeNull();
    expect(eventForm(sampleEvent("form.submitted"))?.fields.email).toBe("jane@example.com");
    expect(eventForm(sampleEvent("call.completed"))).toBeNull();
  });

  it("dates a call event by the call's start and others by creation", () => {
    expect(eventOccurredAt(sampleEvent("call.completed")).toISOString()).toBe("2026-11-21T15:01:01.000Z");
    expect(eventOccurredAt(sampleEvent("sms.received")).toISOString()).toBe("2026-11-21T15:04:05.000Z");
  });
});
