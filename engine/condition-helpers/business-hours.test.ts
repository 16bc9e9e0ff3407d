import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  describeSchedule,
  isValidTimeZone,
  isWithinSchedule,
  officeHours,
  weeklyScheduleSchema,
  type WeeklySchedule,
} from "./business-hours";

const closed: WeeklySchedule = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const everyDay = (start: string, end: string): WeeklySchedule =>
  Object.fromEntries(Object.keys(closed).map((day) => [day, [{ start, end }]])) as WeeklySchedule;
const at = (iso: string) => new Date(iso);
const la = "America/Los_Angeles";
const ny = "America/New_York";

describe("isWithinSchedule", () => {
  it("opens at the start minute and closes at the end minute", () => {
    const hours = officeHours("09:00", "17:00");
    // 2026-11-23 is a Monday; Los Angeles is UTC-8 in November.
    expect(isWithinSchedule(at("2026-11-23T16:59:59Z"), hours, la)).toBe(false); // 08:59:59
    expect(isWithinSchedule(at("2026-11-23T17:00:00Z"), hours, la)).toBe(true); // 09:00
    expect(isWithinSchedule(at("2026-11-24T00:59:59Z"), hours, la)).toBe(true); // 16:59:59
    expect(isWithinSchedule(at("2026-11-24T01:00:00Z"), hours, la)).toBe(false); // 17:00
  });

  it("reads the weekday in the organisation's zone, not UTC", () => {
    // Friday 20:00 in Los Angeles is already Saturday in UTC.
    const fridayEvening = at("2026-11-21T04:00:00Z");
    const fridayOnly: WeeklySchedule = { ...closed, fri: [{ start: "18:00", end: "22:00" }] };
    expect(isWithinSchedule(fridayEvening, fridayOnly, la)).toBe(true);
    expect(isWithinSchedule(fridayEvening, fridayOnly, "UTC")).toBe(false);
  });

  it("is closed on days without hours", () => {
    expect(isWithinSchedule(at("2026-11-22T19:00:00Z"), officeHours(), la)).toBe(false); // Sunday 11:00
    expect(isWithinSchedule(at("2026-11-23T19:00:00Z"), closed, la)).toBe(false);
  });

  describe("across midnight", () => {
    const lateFriday: WeeklySchedule = { ...closed, fri: [{ start: "22:00", end: "02:00" }] };
    it.each([
      ["Friday 21:59", "2026-11-21T05:59:00Z", false],
      ["Friday 22:00", "2026-11-21T06:00:00Z", true],
      ["Friday 23:59", "2026-11-21T07:59:00Z", true],
      ["Saturday 00:00", "2026-11-21T08:00:00Z", true],
      ["Saturday 01:59", "2026-11-21T09:59:00Z", true],
      ["Saturday 02:00", "2026-11-21T10:00:00Z", false],
      ["Saturday 22:30 (not Friday's)", "2026-11-22T06:30:00Z", false],
    ])("%s", (_label, iso, expected) => {
      expect(isWithinSchedule(at(iso), lateFriday, la)).toBe(expected);
    });

    it("wraps Sunday night into Monday morning", () => {
      const sundayNight: WeeklySchedule = { ...closed, sun: [{ start: "20:00", end: "03:00" }] };
      expect(isWithinSchedule(at("2026-11-23T10:30:00Z"), sundayNight, la)).toBe(true); // Mon 02:30
      expect(isWithinSchedule(at("2026-11-23T11:30:00Z"), sundayNight, la)).toBe(false); // Mon 03:30
    });

    it("treats 24:00 and 00:00 as the end of the day", () => {
      for (const end of ["24:00", "00:00"]) {
        const untilMidnight: WeeklySchedule = { ...closed, fri: [{ start: "18:00", end }] };
        expect(isWithinSchedule(at("2026-11-21T07:59:00Z"), untilMidnight, la)).toBe(true); // Fri 23:59
        expect(isWithinSchedule(at("2026-11-21T08:00:00Z"), untilMidnight, la)).toBe(false); // Sat 00:00
      }
    });
  });

  describe("across daylight-saving changes (New York, 2026)", () => {
    const nineToFive = everyDay("09:00", "17:00");
    it("uses the new offset on the day clocks spring forward", () => {
      // Sunday 8 March: 13:30Z is 09:30 EDT; a fixed EST offset would say 08:30.
      expect(isWithinSchedule(at("2026-03-08T13:30:00Z"), nineToFive, ny)).toBe(true);
      // The day before, 13:30Z is 08:30 EST.
      expect(isWithinSchedule(at("2026-03-07T13:30:00Z"), nineToFive, ny)).toBe(false);
    });

    it("uses the new offset after clocks fall back", () => {
      // Monday 2 November: 13:30Z is 08:30 EST; a stale EDT offset would say 09:30.
      expect(isWithinSchedule(at("2026-11-02T13:30:00Z"), nineToFive, ny)).toBe(false);
      expect(isWithinSchedule(at("2026-11-02T14:30:00Z"), nineToFive, ny)).toBe(true);
    });

    it("counts both 01:30s of the repeated hour on the night clocks fall back", () => {
      const smallHours: WeeklySchedule = { ...closed, sun: [{ start: "01:00", end: "02:00" }] };
      expect(isWithinSchedule(at("2026-11-01T05:30:00Z"), smallHours, ny)).toBe(true); // 01:30 EDT
      expect(isWithinSchedule(at("2026-11-01T06:30:00Z"), smallHours, ny)).toBe(true); // 01:30 EST
      expect(isWithinSchedule(at("2026-11-01T07:00:00Z"), smallHours, ny)).toBe(false); // 02:00 EST
    });

    it("handles the skipped hour on the night clocks spring forward", () => {
      const smallHours: WeeklySchedule = { ...closed, sun: [{ start: "01:00", end: "03:00" }] };
      expect(isWithinSchedule(at("2026-03-08T06:59:00Z"), smallHours, ny)).toBe(true); // 01:59 EST
      expect(isWithinSchedule(at("2026-03-08T07:00:00Z"), smallHours, ny)).toBe(false); // 03:00 EDT
    });
  });

  it("refuses an unknown time zone", () => {
    expect(() => isWithinSchedule(new Date(), officeHours(), "Mars/Olympus_Mons")).toThrow(/Unknown time zone/);
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("reads the wall clock as luxon does, across zones and daylight-saving changes", () => {
    const zones = [la, ny, "UTC", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham"];
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2032-12-31T23:59:59Z"), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const local = DateTime.fromJSDate(instant, { zone });
          const day = (["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const)[local.weekday - 1]!;
          const minute = local.hour * 60 + local.minute;
          const start = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
          const next = minute + 1;
          const end = next === 1440 ? "24:00" : `${String(Math.floor(next / 60)).padStart(2, "0")}:${String(next % 60).padStart(2, "0")}`;
          expect(isWithinSchedule(instant, { ...closed, [day]: [{ start, end }] }, zone)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("weeklyScheduleSchema", () => {
  it("accepts missing days as closed", () => {
    expect(weeklyScheduleSchema.parse({ mon: [{ start: "09:00", end: "12:00" }] }).tue).toEqual([]);
  });

  it("rejects malformed or empty intervals", () => {
    expect(weeklyScheduleSchema.safeParse({ mon: [{ start: "9am", end: "17:00" }] }).success).toBe(false);
    expect(weeklyScheduleSchema.safeParse({ mon: [{ start: "25:00", end: "17:00" }] }).success).toBe(false);
    expect(weeklyScheduleSchema.safeParse({ mon: [{ start: "09:00", end: "09:00" }] }).success).toBe(false);
  });
});

describe("describeSchedule", () => {
  it("groups consecutive days with the same hours", () => {
    expect(describeSchedule(officeHours())).toBe("Mon–Fri 9:00–17:00");
    expect(describeSchedule({ ...officeHours(), sat: [{ start: "10:00", end: "14:00" }] })).toBe("Mon–Fri 9:00–17:00, Sat 10:00–14:00");
    expect(
      describeSchedule({
        ...closed,
        wed: [
          { start: "08:30", end: "12:00" },
          { start: "13:00", end: "18:00" },
        ],
      }),
    ).toBe("Wed 8:30–12:00, 13:00–18:00");
    expect(describeSchedule(closed)).toBe("never open");
  });
});
