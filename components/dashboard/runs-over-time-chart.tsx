"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RunsPerDay } from "@/server/dashboard/dashboard-summary";

// Literal colours (the theme's success, destructive and muted tones): SVG attributes do not resolve CSS variables everywhere.
const colors = {
  succeeded: "oklch(0.6 0.15 155)",
  failed: "oklch(0.58 0.22 27)",
  other: "oklch(0.52 0.02 264)",
  grid: "oklch(0.91 0.008 264)",
};

const shortDay = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });

/** Stacked bars: succeeded, failed and still-going runs per day of the organization's calendar. */
export function RunsOverTimeChart({ days }: { days: RunsPerDay[] }) {
  const data = days.map((day) => ({ ...day, label: shortDay.format(new Date(`${day.day}T00:00:00Z`)) }));
  return (
    <div className="h-64" role="img" aria-label={`Runs per day over the last ${days.length} days`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} />
          <Tooltip cursor={{ fill: "oklch(0.965 0.006 264)" }} contentStyle={{ borderRadius: 8, fontSize: 12 }} />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="succeeded" name="Succeeded" stackId="runs" fill={colors.succeeded} isAnimationActive={false} />
          <Bar dataKey="failed" name="Failed" stackId="runs" fill={colors.failed} isAnimationActive={false} />
          <Bar dataKey="other" name="In progress" stackId="runs" fill={colors.other} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
