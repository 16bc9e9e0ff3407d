import { describe, expect, it } from "vitest";
import { checkSampleJson, eventInputOf, sampleJson } from "./event-choice";

describe("the test event picker's checks", () => {
  it("accepts the trigger's sample as it comes", () => {
    const json = sampleJson("call.missed");
    expect(checkSampleJson(json)).toMatchObject({ ok: true, payload: { type: "call.missed" } });
    expect(eventInputOf({ source: "sample", json })).toMatchObject({ source: "sample", payload: { type: "call.missed" } });
  });

  it("names the field that does not fit the event format", () => {
    const edited = JSON.parse(sampleJson("call.missed")) as { caller: Record<string, unknown> };
    edited.caller.phone_number = 42;
    const check = checkSampleJson(JSON.stringify(edited));
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.problems.join("\n")).toContain("caller.phone_number");
    expect(eventInputOf({ source: "sample", json: JSON.stringify(edited) })).toBeNull();
  });

  it("explains JSON that cannot be read", () => {
    const check = checkSampleJson('{"type": "call.missed",');
    expect(check.ok ? "" : check.problems[0]).toMatch(/^This is not valid JSON/);
  });

  it("needs a chosen event when testing with a real one", () => {
    expect(eventInputOf({ source: "recent", eventId: null })).toBeNull();
    expect(eventInputOf({ source: "recent", eventId: "evt_1" })).toEqual({ source: "recent", eventId: "evt_1" });
  });
});
