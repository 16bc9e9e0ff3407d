import { describe, expect, it } from "vitest";
import { normalizePhoneNumber } from "./phone-number";

describe("normalizePhoneNumber", () => {
  it.each([
    ["(415) 555-2671", "+14155552671"],
    ["415.555.2671", "+14155552671"],
    [" +1 415 555 2671 ", "+14155552671"],
    ["1-415-555-2671", "+14155552671"],
    ["+44 20 7946 0958", "+442079460958"],
  ])("reads %j as %s", (raw, e164) => {
    expect(normalizePhoneNumber(raw)).toEqual({ ok: true, number: e164 });
  });

  it("uses the default country for national numbers", () => {
    expect(normalizePhoneNumber("020 7946 0958", "GB")).toEqual({ ok: true, number: "+442079460958" });
  });

  it.each([
    ["", "No phone number was given"],
    ["   ", "No phone number was given"],
    ["call me", `"call me" isn't a phone number`],
    ["555-0100", `"555-0100" isn't a valid US phone number`],
    ["+1 200 555 0123", `"+1 200 555 0123" isn't a valid US phone number`],
    ["12345678901234567890", `"12345678901234567890" is too long to be a phone number`],
  ])("refuses %j with a readable error", (raw, error) => {
    expect(normalizePhoneNumber(raw)).toEqual({ ok: false, error });
  });
});
