"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RunsPerDay } from "@/lib/runs-per-day";

// The theme's tokens (app/globals.css), each readable as text on white: the tooltip writes a series' name
// in its colour. Browsers resolve var() in SVG fill attributes, as they are presentation attributes.
const colors = {
  succeeded: "var(--color-success)",
  failed: "var(--color-destructive)",
  skipped: "var(--color-muted-foreground)",
  inProgress: "var(--color-primary)",
  queued: "var(--color-warning)",
  grid: "var(--color-border)",
  hover: "var(--color-muted)",
  axis: "var(--color-muted-foreground)",
};

/** The stacked series, bottom to top; queued runs are shown only on days that have any. */
const series = [
  { key: "succeeded", name: "Succeeded" },
  { key: "failed", name: "Failed" },
  { key: "skipped", name: "Skipped" },
  { key: "inProgress", name: "In progress" },
  { key: "queued", name: "Queued" },
] as const;

const shortDay = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });

/** Stacked bars per day of the workspace's calendar: succeeded, failed, skipped and still-going runs. */
export function RunsOverTimeChart({ days }: { days: RunsPerDay[] }) {
  const data = days.map((day) => ({ ...day, label: shortDay.format(new Date(`${day.day}T00:00:00Z`)) }));
  const shown = series.filter((item) => item.key !== "queued" || days.some((day) => day.queued > 0));
  return (
    <div className="h-64" role="img" aria-label={`Runs per day over the last ${days.length} days`} data-testid="runs-over-time-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis
            dataKey="label"
            tickLine={false}
            axisLine={false}
            fontSize={12}
            tick={{ fill: colors.axis }}
            interval="preserveStartEnd"
            minTickGap={12}
          />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} tick={{ fill: colors.axis }} />
          <Tooltip cursor={{ fill: colors.hover }} contentStyle={{ borderRadius: 8, fontSize: 12 }} />
          {/* In stacking order, and in the text colour: a pale "Skipped" would not be readable as text. */}
          <Legend
            iconType="circle"
            iconSize={8}
            wrapperStyle={{ fontSize: 12 }}
            itemSorter={null}
            formatter={(value) => <span className="text-foreground">{value}</span>}
          />
          {shown.map((item, index) => (
            <Bar
              key={item.key}
              dataKey={item.key}
              name={item.name}
              stackId="runs"
              fill={colors[item.key]}
              radius={index === shown.length - 1 ? [3, 3, 0, 0] : undefined}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
