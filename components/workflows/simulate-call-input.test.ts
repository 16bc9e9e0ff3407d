import { describe, expect, it } from "vitest";
import { simulateCallInput, type SimulateCallForm } from "./simulate-call-input";

const form = (changes: Partial<SimulateCallForm> = {}): SimulateCallForm => ({
  type: "call.answered",
  callerNumber: "",
  reuseLastNumber: false,
  callerName: "Jane Doe",
  trackingNumber: "+14155550100",
  source: "Google Ads",
  durationSeconds: "45",
  firstCall: true,
  messageBody: "Hi",
  ...changes,
});

describe("the Simulate a call form", () => {
  it("sends a new caller by default, the last one when asked, and a typed number in E.164", () => {
    expect(simulateCallInput(form())).toMatchObject({ ok: true, input: { answered: true, durationSeconds: 45 } });
    expect(simulateCallInput(form())).not.toHaveProperty("input.callerNumber");
    expect(simulateCallInput(form({ reuseLastNumber: true }))).toMatchObject({ ok: true, input: { reuseLastNumber: true } });
    expect(simulateCallInput(form({ callerNumber: "(650) 555-0142" }))).toMatchObject({
      ok: true,
      input: { callerNumber: "+16505550142" },
    });
    expect(simulateCallInput(form({ type: "call.missed", durationSeconds: "not asked" }))).toMatchObject({
      ok: true,
      input: { answered: false, durationSeconds: 0 },
    });
  });

  it("names every field that is wrong before anything is sent", () => {
    expect(simulateCallInput(form({ callerNumber: "555-12", trackingNumber: "", durationSeconds: "1.5" }))).toEqual({
      ok: false,
      errors: {
        callerNumber: expect.stringContaining("Type it as +1 415 555 0142"),
        trackingNumber: "Enter the tracking number, such as +1 415 555 0142",
        durationSeconds: "Enter the duration as a whole number of seconds, such as 45",
      },
    });
    expect(simulateCallInput(form({ durationSeconds: "-3" }))).toEqual({
      ok: false,
      errors: { durationSeconds: "The duration cannot be negative" },
    });
    expect(simulateCallInput(form({ durationSeconds: "" }))).toMatchObject({ ok: false, errors: { durationSeconds: expect.any(String) } });
    expect(simulateCallInput(form({ callerName: "x".repeat(101) }))).toMatchObject({
      ok: false,
      errors: { callerName: "Keep the name under 100 characters" },
    });
  });
});
