import { z } from "zod";

export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];

export const weekdayLabels: Record<Weekday, string> = {
  mon: "Mon",
  tue: "Tue",
  wed: "Wed",
  thu: "Thu",
  fri: "Fri",
  sat: "Sat",
  sun: "Sun",
};

const timeOfDay = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "Use a time like 09:00 or 17:30");

export const openingIntervalSchema = z
  .object({ start: timeOfDay, end: timeOfDay })
  .refine((interval) => interval.start !== interval.end, "Opening and closing times must differ");

export type OpeningInterval = z.infer<typeof openingIntervalSchema>;

export const weeklyScheduleSchema = z.object(
  Object.fromEntries(weekdays.map((day) => [day, z.array(openingIntervalSchema).max(6).default([])])) as Record<
    Weekday,
    z.ZodDefault<z.ZodArray<typeof openingIntervalSchema>>
  >,
);

export type WeeklySchedule = z.infer<typeof weeklyScheduleSchema>;

export function officeHours(start = "09:00", end = "17:00"): WeeklySchedule {
  const open = [{ start, end }];
  return { mon: open, tue: open, wed: open, thu: open, fri: open, sat: [], sun: [] };
}

// The platform's time-zone database through Intl, rather than luxon: this module ships to the editor.
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClockIn(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    wallClocks.set(timeZone, format);
  }
  return format;
}

export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    wallClockIn(zone);
    return true;
  } catch {
    return false;
  }
}

/** Weekday, hour and minute on the wall clock of `timeZone` at `instant`. */
function wallClockAt(instant: Date, timeZone: string): { day: Weekday; minute: number } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = wallClockIn(timeZone).formatToParts(instant);
  } catch {
    throw new Error(`Unknown time zone "${timeZone}"`);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return { day: part("weekday").toLowerCase() as Weekday, minute: Number(part("hour")) * 60 + Number(part("minute")) };
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours * 60 + minutes;
}

/**
 * Whether an instant falls inside the weekly schedule, read on the wall clock of
 * `timeZone`, so daylight-saving changes are the time-zone database's business.
 * An interval whose end is not after its start runs past midnight into the next day
 * (Fri 22:00–02:00 is open until Saturday 02:00). Start is inclusive, end exclusive.
 */
export function isWithinSchedule(instant: Date, schedule: WeeklySchedule, timeZone: string): boolean {
  const { day: today, minute } = wallClockAt(instant, timeZone);
  const yesterday = weekdays[(weekdays.indexOf(today) + 6) % 7];
  for (const interval of schedule[today]) {
    const start = minutesOf(interval.start);
    const end = minutesOf(interval.end);
    if (end > start ? minute >= start && minute < end : minute >= start) return true;
  }
  for (const interval of schedule[yesterday]) {
    const start = minutesOf(interval.start);
    const end = minutesOf(interval.end);
    if (end <= start && minute < end) return true;
  }
  return false;
}

function formatTime(time: string): string {
  return time.replace(/^0(\d)/, "$1");
}

/** "Mon–Fri 9:00–17:00, Sat 10:00–14:00" */
export function describeSchedule(schedule: WeeklySchedule): string {
  const key = (day: Weekday) => schedule[day].map((i) => `${formatTime(i.start)}–${formatTime(i.end)}`).join(", ");
  const groups: Array<{ from: Weekday; to: Weekday; hours: string }> = [];
  for (const day of weekdays) {
    const hours = key(day);
    const last = groups[groups.length - 1];
    if (last && last.hours === hours && weekdays.indexOf(last.to) === weekdays.indexOf(day) - 1) last.to = day;
    else groups.push({ from: day, to: day, hours });
  }
  const open = groups.filter((group) => group.hours !== "");
  if (open.length === 0) return "never open";
  return open
    .map((group) => {
      const days = group.from === group.to ? weekdayLabels[group.from] : `${weekdayLabels[group.from]}–${weekdayLabels[group.to]}`;
      return `${days} ${group.hours}`;
    })
    .join(", ");
}
