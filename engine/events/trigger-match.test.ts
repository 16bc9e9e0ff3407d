import { describe, expect, it } from "vitest";
import { sampleEvent, sampleEventWith } from "./sample-events";
import { eventSatisfiesTrigger, triggerTypesSatisfiedBy } from "./trigger-match";

describe("triggerTypesSatisfiedBy", () => {
  it("derives answered from an inbound completed call that was answered", () => {
    expect(triggerTypesSatisfiedBy(sampleEvent("call.completed"))).toEqual(["call.completed", "call.answered"]);
  });

  it("derives missed from an inbound completed call that was not answered", () => {
    const missed = sampleEventWith("call.completed", (draft) => {
      draft.call.answered = false;
      draft.call.status = "no_answer";
    });
    expect(triggerTypesSatisfiedBy(missed)).toEqual(["call.completed", "call.missed"]);
  });

  it("derives nothing extra from other events", () => {
    const outbound = sampleEventWith("call.completed", (draft) => {
      draft.call.direction = "outbound";
    });
    expect(triggerTypesSatisfiedBy(outbound)).toEqual(["call.completed"]);
    expect(triggerTypesSatisfiedBy(sampleEvent("call.missed"))).toEqual(["call.missed"]);
    expect(triggerTypesSatisfiedBy(sampleEvent("sms.received"))).toEqual(["sms.received"]);
  });
});

describe("eventSatisfiesTrigger", () => {
  it("matches on the event type, including derived ones", () => {
    expect(eventSatisfiesTrigger({ eventType: "call.answered" }, sampleEvent("call.completed"))).toBe(true);
    expect(eventSatisfiesTrigger({ eventType: "call.missed" }, sampleEvent("call.completed"))).toBe(false);
    expect(eventSatisfiesTrigger({ eventType: "sms.received" }, sampleEvent("call.completed"))).toBe(false);
  });

  it("filters on tracking numbers, ignoring formatting", () => {
    const event = sampleEvent("call.missed");
    expect(eventSatisfiesTrigger({ eventType: "call.missed", trackingNumbers: [] }, event)).toBe(true);
    expect(eventSatisfiesTrigger({ eventType: "call.missed", trackingNumbers: ["+1 (415) 555-0100"] }, event)).toBe(true);
    expect(eventSatisfiesTrigger({ eventType: "call.missed", trackingNumbers: ["+14155550101"] }, event)).toBe(false);
  });

  it("never matches a number filter for an event without a tracking number", () => {
    expect(eventSatisfiesTrigger({ eventType: "form.submitted", trackingNumbers: ["+14155550100"] }, sampleEvent("form.submitted"))).toBe(
      false,
    );
  });
});
