import { describe, expect, it } from "vitest";
import { officeHours } from "../../condition-helpers/business-hours";
import { sampleEvent, sampleEventWith } from "../../events/sample-events";
import type { WorkflowEvent } from "../../events/event-schema";
import type { ConditionContext, ConditionDefinition } from "../node-definition";
import { businessHours } from "./business-hours";
import { callDuration } from "./call-duration";
import { callStatus } from "./call-status";
import { callerFrequency } from "./caller-frequency";
import { callerNumber } from "./caller-number";
import { callerState } from "./caller-state";
import { formField } from "./form-field";
import { messageText } from "./message-text";
import { source } from "./source";
import { tags } from "./tags";
import { trackingNumber } from "./tracking-number";

const queries: Array<{ phone: string; since: Date }> = [];
const ctx = (overrides: Partial<ConditionContext> & { calls?: number } = {}): ConditionContext => ({
  org: { id: "org_1", name: "Acme", timezone: "America/Los_Angeles" },
  now: new Date("2026-11-21T15:05:00Z"),
  callsFromNumberSince: async (phone, since) => {
    queries.push({ phone, since });
    return overrides.calls ?? 0;
  },
  ...overrides,
});

/** Parses the config like the walker does, then evaluates. */
async function check<C>(definition: ConditionDefinition<string, C>, config: unknown, event: WorkflowEvent, context = ctx()) {
  return definition.evaluate(definition.configSchema.parse(config), event, context);
}

const callLasting = (seconds: number | null) =>
  sampleEventWith("call.completed", (draft) => {
    draft.call.duration_seconds = seconds;
  });

describe("call duration", () => {
  it.each([
    ["gt", 10, 10, false],
    ["gt", 10, 11, true],
    ["gte", 10, 10, true],
    ["gte", 10, 9, false],
    ["lt", 10, 10, false],
    ["lt", 10, 9, true],
    ["lte", 10, 10, true],
    ["lte", 10, 11, false],
    ["eq", 10, 10, true],
  ] as const)("duration %s %d s with %d s passes: %s", async (operator, seconds, actual, expected) => {
    expect(await check(callDuration, { operator, seconds }, callLasting(actual))).toEqual({ passed: expected, observed: actual });
  });

  it("includes both ends of between", async () => {
    const config = { operator: "between", seconds: 30, maxSeconds: 60 };
    expect((await check(callDuration, config, callLasting(29))).passed).toBe(false);
    expect((await check(callDuration, config, callLasting(30))).passed).toBe(true);
    expect((await check(callDuration, config, callLasting(60))).passed).toBe(true);
    expect((await check(callDuration, config, callLasting(61))).passed).toBe(false);
  });

  it("treats an unrecorded duration as zero seconds", async () => {
    expect(await check(callDuration, { operator: "lt", seconds: 1 }, callLasting(null))).toEqual({ passed: true, observed: 0 });
  });

  it("validates its settings", () => {
    expect(callDuration.configSchema.safeParse({ operator: "between", seconds: 60, maxSeconds: 30 }).success).toBe(false);
    expect(callDuration.configSchema.safeParse({ operator: "between", seconds: 60 }).success).toBe(false);
    expect(callDuration.configSchema.safeParse({ operator: "gt", seconds: -1 }).success).toBe(false);
    expect(callDuration.configSchema.safeParse({ operator: "gt", seconds: 1.5 }).success).toBe(false);
  });

  it("summarises in seconds or minutes", () => {
    const summary = (config: unknown) => callDuration.summary(callDuration.configSchema.parse(config));
    expect(summary({ operator: "gt", seconds: 10 })).toBe("Duration > 10 s");
    expect(summary({ operator: "gte", seconds: 10 })).toBe("Duration ≥ 10 s");
    expect(summary({ operator: "lte", seconds: 120, unit: "minutes" })).toBe("Duration ≤ 2 min");
    expect(summary({ operator: "lt", seconds: 90, unit: "minutes" })).toBe("Duration < 90 s");
    expect(summary({ operator: "between", seconds: 30, maxSeconds: 120, unit: "minutes" })).toBe("Duration between 30 s and 2 min");
  });

  it("fits finished calls only", () => {
    expect(callDuration.fitsEventTypes).toContain("call.completed");
    expect(callDuration.fitsEventTypes).not.toContain("call.started");
    expect(callDuration.fitsEventTypes).not.toContain("form.submitted");
  });
});

describe("caller frequency", () => {
  const firstTimer = sampleEventWith("call.missed", (draft) => {
    draft.caller.first_call = true;
  });

  it("tells first-time from repeat callers", async () => {
    expect((await check(callerFrequency, { mode: "first_time" }, firstTimer)).passed).toBe(true);
    expect((await check(callerFrequency, { mode: "first_time" }, sampleEvent("call.missed"))).passed).toBe(false);
    expect((await check(callerFrequency, { mode: "repeat" }, sampleEvent("call.missed"))).passed).toBe(true);
    expect((await check(callerFrequency, { mode: "repeat" }, firstTimer)).passed).toBe(false);
  });

  it("asks the port for calls since N days ago and compares the count", async () => {
    queries.length = 0;
    const config = { mode: "count", operator: "gte", count: 3, days: 7 };
    expect(await check(callerFrequency, config, sampleEvent("call.missed"), ctx({ calls: 3 }))).toEqual({
      passed: true,
      observed: { calls: 3, since: "2026-11-14T15:05:00.000Z" },
    });
    expect(queries).toEqual([{ phone: "+14155550123", since: new Date("2026-11-14T15:05:00Z") }]);
    expect((await check(callerFrequency, config, sampleEvent("call.missed"), ctx({ calls: 2 }))).passed).toBe(false);
    expect((await check(callerFrequency, { ...config, operator: "gt" }, sampleEvent("call.missed"), ctx({ calls: 3 }))).passed).toBe(false);
  });

  it("does not pass without a caller", async () => {
    const anonymousForm = sampleEventWith("form.submitted", (draft) => {
      draft.caller = null;
    });
    expect(await check(callerFrequency, { mode: "repeat" }, anonymousForm)).toEqual({ passed: false, observed: null });
  });

  it("summarises", () => {
    expect(callerFrequency.summary({ mode: "first_time" })).toBe("First-time caller");
    expect(callerFrequency.summary({ mode: "repeat" })).toBe("Repeat caller");
    expect(callerFrequency.summary({ mode: "count", operator: "gt", count: 3, days: 7 })).toBe(
      "Called more than 3 calls in the last 7 days",
    );
    expect(callerFrequency.summary({ mode: "count", operator: "gte", count: 1, days: 1 })).toBe("Called at least 1 call in the last day");
  });

  it("validates days", () => {
    expect(callerFrequency.configSchema.safeParse({ mode: "count", operator: "gt", count: 1, days: 0 }).success).toBe(false);
    expect(callerFrequency.configSchema.safeParse({ mode: "count", operator: "gt", count: 1, days: 366 }).success).toBe(false);
  });
});

describe("source", () => {
  const from = (value: string | null) =>
    sampleEventWith("call.missed", (draft) => {
      draft.attribution.source = value;
    });

  it("is any of a list, ignoring case", async () => {
    const config = { operator: "any_of", sources: ["Google Ads", "Facebook"] };
    expect(await check(source, config, from("google ads"))).toEqual({ passed: true, observed: "google ads" });
    expect((await check(source, config, from("Bing"))).passed).toBe(false);
    expect((await check(source, config, from(null))).passed).toBe(false);
  });

  it("is none of a list; an unknown source is in none", async () => {
    const config = { operator: "none_of", sources: ["Google Ads"] };
    expect((await check(source, config, from("Google Ads"))).passed).toBe(false);
    expect((await check(source, config, from("Direct"))).passed).toBe(true);
    expect((await check(source, config, from(null))).passed).toBe(true);
  });

  it("summarises and requires a source", () => {
    expect(source.summary({ operator: "any_of", sources: ["Google Ads", "Facebook"] })).toBe("Source is Google Ads or Facebook");
    expect(source.summary({ operator: "none_of", sources: ["Direct"] })).toBe("Source is not Direct");
    expect(source.configSchema.safeParse({ operator: "any_of", sources: [] }).success).toBe(false);
  });
});

describe("tracking number", () => {
  it("is any of the chosen numbers, whatever the formatting", async () => {
    expect(await check(trackingNumber, { numbers: ["+1 (415) 555-0100"] }, sampleEvent("call.missed"))).toEqual({
      passed: true,
      observed: "+14155550100",
    });
    expect((await check(trackingNumber, { numbers: ["+14155550101"] }, sampleEvent("call.missed"))).passed).toBe(false);
  });

  it("does not pass when the event has no tracking number", async () => {
    expect(await check(trackingNumber, { numbers: ["+14155550100"] }, sampleEvent("form.submitted"))).toEqual({
      passed: false,
      observed: null,
    });
    expect(trackingNumber.fitsEventTypes).not.toContain("form.submitted");
  });

  it("summarises and validates", () => {
    expect(trackingNumber.summary({ numbers: ["+14155550100"] })).toBe("Tracking number is +14155550100");
    expect(trackingNumber.configSchema.safeParse({ numbers: ["not a number"] }).success).toBe(false);
    expect(trackingNumber.configSchema.safeParse({ numbers: [] }).success).toBe(false);
  });
});

describe("business hours", () => {
  // The sample call started on Saturday 2026-11-21 at 07:01 in Los Angeles (10:01 in New York).
  const open = [{ start: "09:00", end: "17:00" }];
  const config = { mode: "inside", schedule: { ...officeHours("09:00", "17:00"), sat: open, sun: open } };

  it("uses the call's start time in the organisation's zone", async () => {
    expect(await check(businessHours, config, sampleEvent("call.missed"))).toEqual({
      passed: false,
      observed: { at: "2026-11-21T15:01:01.000Z", timezone: "America/Los_Angeles", inside: false },
    });
    const eastCoast = ctx({ org: { id: "o", name: "o", timezone: "America/New_York" } });
    expect((await check(businessHours, config, sampleEvent("call.missed"), eastCoast)).passed).toBe(true);
  });

  it("can be inverted to outside hours", async () => {
    expect((await check(businessHours, { ...config, mode: "outside" }, sampleEvent("call.missed"))).passed).toBe(true);
  });

  it("prefers its own time zone when one is set", async () => {
    expect((await check(businessHours, { ...config, timezone: "Europe/London" }, sampleEvent("call.missed"))).passed).toBe(true);
    expect(businessHours.configSchema.safeParse({ ...config, timezone: "Nowhere/Special" }).success).toBe(false);
  });

  it("can read the clock at the moment the step runs (after a delay)", async () => {
    const noonLocal = ctx({ now: new Date("2026-11-23T20:00:00Z") });
    expect((await check(businessHours, { ...config, clock: "now" }, sampleEvent("call.missed"), noonLocal)).passed).toBe(true);
  });

  it("summarises", () => {
    expect(businessHours.summary(businessHours.configSchema.parse({ mode: "outside", schedule: officeHours() }))).toBe(
      "Outside business hours (Mon–Fri 9:00–17:00)",
    );
  });
});

describe("call status", () => {
  const answered = sampleEvent("call.answered");
  const busy = sampleEventWith("call.missed", (draft) => {
    draft.call.status = "busy";
  });

  it("checks answered and missed", async () => {
    expect(await check(callStatus, { mode: "answered" }, answered)).toEqual({
      passed: true,
      observed: { status: "answered", answered: true },
    });
    expect((await check(callStatus, { mode: "answered" }, busy)).passed).toBe(false);
    expect((await check(callStatus, { mode: "missed" }, busy)).passed).toBe(true);
    expect((await check(callStatus, { mode: "missed" }, answered)).passed).toBe(false);
  });

  it("checks exact statuses", async () => {
    const config = { mode: "status_in", statuses: ["busy", "voicemail"] };
    expect((await check(callStatus, config, busy)).passed).toBe(true);
    expect((await check(callStatus, config, sampleEvent("call.missed"))).passed).toBe(false);
    expect(callStatus.configSchema.safeParse({ mode: "status_in", statuses: [] }).success).toBe(false);
    expect(callStatus.configSchema.safeParse({ mode: "status_in", statuses: ["exploded"] }).success).toBe(false);
  });

  it("does not pass for an event without a call", async () => {
    expect(await check(callStatus, { mode: "missed" }, sampleEvent("sms.received"))).toEqual({ passed: false, observed: null });
  });

  it("summarises", () => {
    expect(callStatus.summary({ mode: "answered" })).toBe("Call was answered");
    expect(callStatus.summary({ mode: "missed" })).toBe("Call was missed");
    expect(callStatus.summary({ mode: "status_in", statuses: ["busy", "no_answer"] })).toBe("Call status is busy or no answer");
  });
});

describe("caller number", () => {
  it("equals a number, whatever the formatting", async () => {
    expect(await check(callerNumber, { operator: "equals", value: "+1 415-555-0123" }, sampleEvent("call.missed"))).toEqual({
      passed: true,
      observed: "+14155550123",
    });
    expect((await check(callerNumber, { operator: "equals", value: "+14155550124" }, sampleEvent("call.missed"))).passed).toBe(false);
  });

  it("starts with a prefix", async () => {
    expect((await check(callerNumber, { operator: "starts_with", value: "+1415" }, sampleEvent("call.missed"))).passed).toBe(true);
    expect((await check(callerNumber, { operator: "starts_with", value: "+1510" }, sampleEvent("call.missed"))).passed).toBe(false);
    // Equality is not a prefix match.
    expect((await check(callerNumber, { operator: "equals", value: "+1415" }, sampleEvent("call.missed"))).passed).toBe(false);
  });

  it("does not pass without a caller", async () => {
    const anonymous = sampleEventWith("form.submitted", (draft) => {
      draft.caller = null;
    });
    expect(await check(callerNumber, { operator: "starts_with", value: "+1" }, anonymous)).toEqual({ passed: false, observed: null });
  });

  it("summarises and validates", () => {
    expect(callerNumber.summary({ operator: "starts_with", value: "+1415" })).toBe("Caller number starts with +1415");
    expect(callerNumber.summary({ operator: "equals", value: "+14155550123" })).toBe("Caller number is +14155550123");
    expect(callerNumber.configSchema.safeParse({ operator: "equals", value: "jane" }).success).toBe(false);
  });
});

describe("caller state", () => {
  const inState = (state: string | null) =>
    sampleEventWith("call.missed", (draft) => {
      draft.caller.state = state;
    });

  it("is any of / none of a list of states, ignoring case", async () => {
    expect(await check(callerState, { operator: "any_of", states: ["ca", "NV"] }, inState("CA"))).toEqual({ passed: true, observed: "CA" });
    expect((await check(callerState, { operator: "any_of", states: ["NV"] }, inState("CA"))).passed).toBe(false);
    expect((await check(callerState, { operator: "none_of", states: ["NV"] }, inState("CA"))).passed).toBe(true);
    expect((await check(callerState, { operator: "none_of", states: ["CA"] }, inState("CA"))).passed).toBe(false);
  });

  it("treats an unknown state as in none of the listed states", async () => {
    expect((await check(callerState, { operator: "any_of", states: ["CA"] }, inState(null))).passed).toBe(false);
    expect((await check(callerState, { operator: "none_of", states: ["CA"] }, inState(null))).passed).toBe(true);
  });

  it("summarises", () => {
    expect(callerState.summary({ operator: "any_of", states: ["CA", "NV"] })).toBe("Caller state is CA or NV");
    expect(callerState.summary({ operator: "none_of", states: ["TX"] })).toBe("Caller state is not TX");
  });
});

describe("tags", () => {
  const tagged = sampleEventWith("call.modified", (draft) => {
    draft.call.tags = ["VIP", "booked"];
  });

  it("contains any or all of the tags, ignoring case", async () => {
    expect(await check(tags, { match: "any", tags: ["vip", "spam"] }, tagged)).toEqual({ passed: true, observed: ["VIP", "booked"] });
    expect((await check(tags, { match: "all", tags: ["vip", "spam"] }, tagged)).passed).toBe(false);
    expect((await check(tags, { match: "all", tags: ["vip", "BOOKED"] }, tagged)).passed).toBe(true);
    expect((await check(tags, { match: "any", tags: ["spam"] }, tagged)).passed).toBe(false);
    expect((await check(tags, { match: "any", tags: ["vip"] }, sampleEvent("sms.received"))).passed).toBe(false);
  });

  it("summarises", () => {
    expect(tags.summary({ match: "any", tags: ["vip", "spam"] })).toBe("Tagged vip or spam");
    expect(tags.summary({ match: "all", tags: ["vip", "booked"] })).toBe("Tagged vip and booked");
  });
});

describe("message text", () => {
  const saying = (body: string) =>
    sampleEventWith("sms.received", (draft) => {
      draft.message.body = body;
    });

  it("finds a keyword as a whole word, ignoring case", async () => {
    expect(await check(messageText, { keywords: ["stop", "unsubscribe"] }, saying("STOP please"))).toEqual({
      passed: true,
      observed: { body: "STOP please", matched: ["stop"] },
    });
    expect((await check(messageText, { keywords: ["stop"] }, saying("nonstop"))).passed).toBe(false);
    expect((await check(messageText, { keywords: ["stop"], wholeWord: false }, saying("nonstop"))).passed).toBe(true);
  });

  it("does not pass for an event without a message", async () => {
    expect((await check(messageText, { keywords: ["stop"] }, sampleEvent("call.missed"))).passed).toBe(false);
  });

  it("summarises and validates", () => {
    expect(messageText.summary({ keywords: ["stop", "quit"], wholeWord: true })).toBe("Message contains “stop” or “quit”");
    expect(messageText.configSchema.safeParse({ keywords: [] }).success).toBe(false);
    expect(messageText.fitsEventTypes).toEqual(["sms.received", "sms.sent"]);
  });
});

describe("form field", () => {
  const form = sampleEventWith("form.submitted", (draft) => {
    draft.form.fields = { Email: "jane@acme.com", services: ["Cleaning", "Whitening"], budget: 250, empty: "  ", none: null };
  });

  it("equals a value, ignoring case, with the field name matched loosely", async () => {
    expect(await check(formField, { field: "email", operator: "equals", value: "JANE@acme.com" }, form)).toEqual({
      passed: true,
      observed: "jane@acme.com",
    });
    expect((await check(formField, { field: "email", operator: "equals", value: "acme.com" }, form)).passed).toBe(false);
    expect((await check(formField, { field: "budget", operator: "equals", value: "250" }, form)).passed).toBe(true);
  });

  it("contains a value, in text or any item of a list", async () => {
    expect((await check(formField, { field: "Email", operator: "contains", value: "@acme" }, form)).passed).toBe(true);
    expect((await check(formField, { field: "services", operator: "contains", value: "whiten" }, form)).passed).toBe(true);
    expect((await check(formField, { field: "services", operator: "contains", value: "braces" }, form)).passed).toBe(false);
  });

  it("is filled in", async () => {
    expect((await check(formField, { field: "email", operator: "is_filled" }, form)).passed).toBe(true);
    expect((await check(formField, { field: "empty", operator: "is_filled" }, form)).passed).toBe(false);
    expect((await check(formField, { field: "none", operator: "is_filled" }, form)).passed).toBe(false);
    expect(await check(formField, { field: "missing", operator: "is_filled" }, form)).toEqual({ passed: false, observed: null });
  });

  it("does not pass for events without a form", async () => {
    expect((await check(formField, { field: "email", operator: "is_filled" }, sampleEvent("call.missed"))).passed).toBe(false);
  });

  it("summarises and validates", () => {
    expect(formField.summary({ field: "email", operator: "contains", value: "@acme.com" })).toBe("Form field email contains “@acme.com”");
    expect(formField.summary({ field: "email", operator: "equals", value: "x" })).toBe("Form field email is “x”");
    expect(formField.summary({ field: "phone", operator: "is_filled", value: "" })).toBe("Form field phone is filled in");
    expect(formField.configSchema.safeParse({ field: "email", operator: "contains", value: " " }).success).toBe(false);
    expect(formField.configSchema.safeParse({ field: "", operator: "is_filled" }).success).toBe(false);
  });
});
