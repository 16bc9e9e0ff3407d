"use client";

import { weekdayLabels, weekdays, type WeeklySchedule } from "@/engine";
import { Input } from "@/components/ui/input";

type Interval = { start: string; end: string };

/** One opening interval per day (the common case); extra intervals from imports are kept as they are. */
export function ScheduleField({ value, onChange }: { value: unknown; onChange: (schedule: WeeklySchedule) => void }) {
  const schedule = (value && typeof value === "object" ? value : {}) as Partial<Record<(typeof weekdays)[number], Interval[]>>;
  const update = (day: (typeof weekdays)[number], intervals: Interval[]) =>
    onChange({ ...Object.fromEntries(weekdays.map((d) => [d, schedule[d] ?? []])), [day]: intervals } as WeeklySchedule);

  return (
    <div className="grid gap-1.5">
      {weekdays.map((day) => {
        const intervals = schedule[day] ?? [];
        const first = intervals[0];
        return (
          <div key={day} className="flex items-center gap-2 text-sm">
            <label className="flex w-20 items-center gap-1.5">
              <input
                type="checkbox"
                checked={Boolean(first)}
                onChange={(event) => update(day, event.target.checked ? [{ start: "09:00", end: "17:00" }] : [])}
              />
              {weekdayLabels[day]}
            </label>
            {first ? (
              <>
                <Input
                  type="time"
                  aria-label={`${weekdayLabels[day]} opens`}
                  className="h-8 w-28"
                  value={first.start}
                  onChange={(event) => update(day, [{ ...first, start: event.target.value }, ...intervals.slice(1)])}
                />
                <span className="text-muted-foreground">to</span>
                <Input
                  type="time"
                  aria-label={`${weekdayLabels[day]} closes`}
                  className="h-8 w-28"
                  value={first.end === "24:00" ? "23:59" : first.end}
                  onChange={(event) => update(day, [{ ...first, end: event.target.value }, ...intervals.slice(1)])}
                />
                {intervals.length > 1 ? <span className="text-xs text-muted-foreground">+{intervals.length - 1} more</span> : null}
              </>
            ) : (
              <span className="text-muted-foreground">Closed</span>
            )}
          </div>
        );
      })}
    </div>
  );
}
