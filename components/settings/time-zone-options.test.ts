import { describe, expect, it } from "vitest";
import { filterTimeZones, formatUtcOffset, groupTimeZones, supportedTimeZones, timeZoneLabel, timeZoneOption } from "./time-zone-options";

const winter = new Date("2026-01-15T12:00:00Z");
const summer = new Date("2026-07-15T12:00:00Z");

describe("time-zone options", () => {
  it("name a zone by its city with today's offset, minus sign and daylight saving included", () => {
    expect(timeZoneLabel(timeZoneOption("America/New_York", winter)!)).toBe("New York (UTC\u221205:00)");
    expect(timeZoneLabel(timeZoneOption("America/New_York", summer)!)).toBe("New York (UTC\u221204:00)");
    expect(timeZoneLabel(timeZoneOption("Asia/Kolkata", winter)!)).toBe("Kolkata (UTC+05:30)");
    expect(timeZoneOption("America/Argentina/Buenos_Aires", winter)!.city).toBe("Buenos Aires, Argentina");
    expect(timeZoneOption("Not/AZone")).toBeNull();
    expect(formatUtcOffset(0)).toBe("UTC+00:00");
  });

  it("are grouped by region, UTC first, and always include the saved zone", () => {
    const groups = groupTimeZones(supportedTimeZones(["Asia/Calcutta"]), winter);
    expect(groups[0]).toMatchObject({ region: "UTC", options: [{ zone: "UTC" }] });
    expect(groups.map((group) => group.region)).toEqual(expect.arrayContaining(["Americas", "Europe", "Asia"]));
    const americas = groups.find((group) => group.region === "Americas")!;
    expect(americas.options.map((option) => option.zone)).toContain("America/New_York");
    expect(groups.flatMap((group) => group.options).map((option) => option.zone)).toContain("Asia/Calcutta");
  });

  it("find a zone from the first letters of its city, best match first, by name or by offset", () => {
    const groups = groupTimeZones(supportedTimeZones(), winter);
    expect(filterTimeZones(groups, "new y")[0]!.options[0]!.zone).toBe("America/New_York");
    expect(filterTimeZones(groups, "  LONDON ")[0]!.options[0]!.zone).toBe("Europe/London");
    expect(filterTimeZones(groups, "america/los_angeles")[0]!.options[0]!.zone).toBe("America/Los_Angeles");
    expect(filterTimeZones(groups, "sao paulo")[0]!.options[0]!.zone).toBe("America/Sao_Paulo");
    // Browsers list India as Asia/Kolkata or, in older data, Asia/Calcutta.
    expect(
      filterTimeZones(groups, "utc+05:30")
        .flatMap((group) => group.options)
        .some((option) => /Kolkata|Calcutta/.test(option.zone)),
    ).toBe(true);
    expect(filterTimeZones(groups, "zzzz")).toEqual([]);
    expect(filterTimeZones(groups, "")).toBe(groups);
  });
});
