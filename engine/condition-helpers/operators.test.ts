import { describe, expect, it } from "vitest";
import {
  compareNumber,
  containsKeyword,
  includesText,
  joinWithAnd,
  joinWithOr,
  normalizeText,
  templatePreview,
  textContains,
  textEquals,
  truncate,
} from "./operators";
import { looksLikePhoneNumber, looksLikePhonePrefix, phoneDigits, phoneStartsWith, samePhoneNumber } from "./phone-numbers";

describe("compareNumber", () => {
  it.each([
    [10, "gt", 10, false],
    [11, "gt", 10, true],
    [10, "gte", 10, true],
    [9, "gte", 10, false],
    [10, "lt", 10, false],
    [9, "lt", 10, true],
    [10, "lte", 10, true],
    [11, "lte", 10, false],
    [10, "eq", 10, true],
    [11, "eq", 10, false],
  ] as const)("%d %s %d is %s", (actual, operator, value, expected) => {
    expect(compareNumber(actual, operator, value)).toBe(expected);
  });

  it("includes both ends of between", () => {
    expect(compareNumber(29, "between", 30, 60)).toBe(false);
    expect(compareNumber(30, "between", 30, 60)).toBe(true);
    expect(compareNumber(60, "between", 30, 60)).toBe(true);
    expect(compareNumber(61, "between", 30, 60)).toBe(false);
    expect(compareNumber(30, "between", 30)).toBe(true);
  });
});

describe("text helpers", () => {
  it("compares text without regard to case, spacing around or width", () => {
    expect(normalizeText("  Google ADS ")).toBe("google ads");
    expect(textEquals("Google Ads", "google ads")).toBe(true);
    expect(textEquals("Google Ads", "Google")).toBe(false);
    expect(textContains("jane@ACME.com", "@acme.COM")).toBe(true);
    expect(textContains("anything", "  ")).toBe(false);
    expect(includesText(["CA", "NV"], "ca")).toBe(true);
  });

  it("matches keywords as whole words unless told otherwise", () => {
    expect(containsKeyword("Please STOP texting", "stop", true)).toBe(true);
    expect(containsKeyword("stop", "stop", true)).toBe(true);
    expect(containsKeyword("nonstop service", "stop", true)).toBe(false);
    expect(containsKeyword("nonstop service", "stop", false)).toBe(true);
    expect(containsKeyword("price?", "price", true)).toBe(true);
    expect(containsKeyword("a.b (c)", "(c)", true)).toBe(true);
    expect(containsKeyword("anything", "", true)).toBe(false);
  });

  it("joins lists for summaries", () => {
    expect(joinWithOr([])).toBe("…");
    expect(joinWithOr(["A"])).toBe("A");
    expect(joinWithOr(["A", "B"])).toBe("A or B");
    expect(joinWithAnd(["A", "B", "C"])).toBe("A, B and C");
    expect(joinWithOr(["A", "B", "C", "D"])).toBe("A, B, C +1 more");
  });

  it("truncates on characters and collapses whitespace", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("Sorry we missed\nyour call", 16)).toBe("Sorry we missed…");
    expect(truncate("😀😀😀😀", 3)).toBe("😀😀…");
  });

  it("shows templates readably", () => {
    expect(templatePreview('Hi {{ caller.name | default: "there" }}!', 40)).toBe("Hi {caller.name}!");
    expect(templatePreview("{% if caller.name %}Hi{% endif %} there", 40)).toBe("Hi there");
  });
});

describe("phone numbers", () => {
  it("compares numbers by digits", () => {
    expect(phoneDigits("+1 (415) 555-0100")).toBe("14155550100");
    expect(samePhoneNumber("+1 (415) 555-0100", "+14155550100")).toBe(true);
    expect(samePhoneNumber("+14155550100", "+14155550101")).toBe(false);
    expect(samePhoneNumber("", "")).toBe(false);
  });

  it("matches prefixes", () => {
    expect(phoneStartsWith("+14155550123", "+1 415")).toBe(true);
    expect(phoneStartsWith("+14155550123", "+1 510")).toBe(false);
    expect(phoneStartsWith("+14155550123", "+")).toBe(false);
  });

  it("recognises what looks like a number or a prefix", () => {
    expect(looksLikePhoneNumber("+1 (415) 555-0100")).toBe(true);
    expect(looksLikePhoneNumber("+1")).toBe(false);
    expect(looksLikePhoneNumber("call me")).toBe(false);
    expect(looksLikePhonePrefix("+1")).toBe(true);
    expect(looksLikePhonePrefix("+")).toBe(false);
  });
});
