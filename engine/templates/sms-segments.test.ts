import { describe, expect, it } from "vitest";
import { isGsm7, smsInfo } from "./sms-segments";

describe("smsInfo", () => {
  it("counts nothing for an empty message", () => {
    expect(smsInfo("")).toMatchObject({ segments: 0, characters: 0, encoding: "GSM-7" });
  });

  it("fits 160 GSM-7 characters in one segment and splits at 161", () => {
    expect(smsInfo("a".repeat(160))).toMatchObject({ encoding: "GSM-7", segments: 1, remainingInSegment: 0 });
    expect(smsInfo("a".repeat(161))).toMatchObject({ segments: 2, unitsPerSegment: 153 });
    expect(smsInfo("a".repeat(306))).toMatchObject({ segments: 2, remainingInSegment: 0 });
    expect(smsInfo("a".repeat(307))).toMatchObject({ segments: 3 });
  });

  it("counts extension characters as two", () => {
    expect(smsInfo("€".repeat(80))).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1, characters: 80 });
    expect(smsInfo("€".repeat(81))).toMatchObject({ segments: 2 });
    // 152 plain characters then a two-septet one: it moves whole into the second segment.
    expect(smsInfo(`${"a".repeat(152)}{${"a".repeat(10)}`)).toMatchObject({ units: 164, segments: 2, remainingInSegment: 141 });
  });

  it("switches to UCS-2 for characters outside GSM-7 and names them", () => {
    const info = smsInfo("Café — open");
    expect(info.encoding).toBe("UCS-2");
    expect(info.nonGsmCharacters).toEqual(["—"]);
    expect(smsInfo("é".repeat(70)).encoding).toBe("GSM-7");
    expect(smsInfo("ж".repeat(70))).toMatchObject({ encoding: "UCS-2", segments: 1 });
    expect(smsInfo("ж".repeat(71))).toMatchObject({ segments: 2, unitsPerSegment: 67 });
    expect(smsInfo("ж".repeat(134))).toMatchObject({ segments: 2 });
    expect(smsInfo("ж".repeat(135))).toMatchObject({ segments: 3 });
  });

  it("counts emoji as two UTF-16 units and never splits them", () => {
    expect(smsInfo("😀".repeat(35))).toMatchObject({ encoding: "UCS-2", units: 70, characters: 35, segments: 1 });
    expect(smsInfo(`${"ж".repeat(68)}😀`)).toMatchObject({ units: 70, segments: 1 });
    // 66 units, then an emoji that would straddle the 67-unit boundary: it starts segment two.
    expect(smsInfo(`${"ж".repeat(66)}😀${"ж".repeat(10)}`)).toMatchObject({ units: 78, segments: 2, remainingInSegment: 55 });
  });

  it("detects GSM-7 text", () => {
    expect(isGsm7("Hello @ £5 {ok}")).toBe(true);
    expect(isGsm7("Hello 👋")).toBe(false);
  });
});
