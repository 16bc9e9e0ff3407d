import { describe, expect, it } from "vitest";
import { formatDuration, summarizeEvent } from "./event-summary";
import { sampleEvent, sampleEventWith } from "./sample-events";

const asMap = (lines: ReturnType<typeof summarizeEvent>) => Object.fromEntries(lines.map((line) => [line.label, line.value]));

describe("summarizeEvent", () => {
  it("describes a call readably", () => {
    const summary = asMap(summarizeEvent(sampleEvent("call.completed")));
    expect(summary).toMatchObject({
      Event: "a call ends",
      Caller: "Jane Doe (+14155550123)",
      Location: "Oakland, CA",
      "First-time caller": "No",
      "Tracking number": "Spring mailer (+14155550100)",
      Source: "Google Ads",
      Status: "Answered",
      Duration: "3 min 4 s",
      Tags: "new-patient",
    });
  });

  it("leaves out what is unknown", () => {
    const event = sampleEventWith("call.missed", (draft) => {
      draft.caller.name = null;
      draft.caller.city = null;
      draft.caller.state = null;
      draft.tracking_number.label = null;
      draft.attribution.source = null;
      draft.call.duration_seconds = null;
    });
    const summary = asMap(summarizeEvent(event));
    expect(summary.Caller).toBe("+14155550123");
    expect(summary["Tracking number"]).toBe("+14155550100");
    expect(summary).not.toHaveProperty("Location");
    expect(summary).not.toHaveProperty("Source");
    expect(summary).not.toHaveProperty("Duration");
    expect(summary).not.toHaveProperty("Tags");
  });

  it("shows messages, forms and AI summaries", () => {
    expect(asMap(summarizeEvent(sampleEvent("sms.received"))).Message).toContain("Saturday");
    const form = sampleEventWith("form.submitted", (draft) => {
      draft.form.fields = { services: ["cleaning", "whitening"], newsletter: false, notes: null };
      draft.form.name = null;
      draft.caller = null;
    });
    const formSummary = asMap(summarizeEvent(form));
    expect(formSummary).toMatchObject({ Form: "form_sample", services: "cleaning, whitening", newsletter: "false" });
    expect(formSummary).not.toHaveProperty("notes");
    expect(formSummary).not.toHaveProperty("Caller");
    expect(asMap(summarizeEvent(sampleEvent("convert_assist.completed")))["AI summary"]).toContain("cleaning");
  });

  it("formats durations", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(59)).toBe("59 s");
    expect(formatDuration(60)).toBe("1 min");
    expect(formatDuration(61)).toBe("1 min 1 s");
  });
});
