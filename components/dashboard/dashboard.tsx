"use client";

import { useQuery } from "@tanstack/react-query";
import { Activity, CheckCircle2, PhoneCall, Zap } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { CallsBySource } from "./calls-by-source";
import { FailingWorkflows } from "./failing-workflows";
import { GettingStarted } from "./getting-started";
import { StatCard } from "./stat-card";
import { asClause } from "@/components/ui/as-clause";
import { runsOfDay } from "@/lib/runs-per-day";

// The charting library is the heaviest thing on this page: load it after the numbers.
const RunsOverTimeChart = dynamic(() => import("./runs-over-time-chart").then((module) => module.RunsOverTimeChart), {
  ssr: false,
  loading: () => <Skeleton className="h-64" />,
});

const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 });

export function Dashboard() {
  const trpc = useTRPC();
  const summary = useQuery({ ...trpc.dashboard.summary.queryOptions(), refetchInterval: 15_000 });

  if (summary.isLoading) {
    return (
      <div className="flex flex-col gap-4" aria-busy>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {[0, 1, 2, 3].map((key) => (
            <Skeleton key={key} className="h-28" />
          ))}
        </div>
        <Skeleton className="h-80" />
      </div>
    );
  }
  if (summary.isError) {
    return (
      <p role="alert" className="text-sm text-destructive">
        Could not load your dashboard: {asClause(summary.error.message)}. It refreshes on its own; reload the page to try now.
      </p>
    );
  }
  const data = summary.data!;
  const hasTraffic = data.runsPerDay.some((day) => runsOfDay(day) > 0) || data.callsLast7Days.total > 0;
  const simulated = data.simulatedCallsLast7Days;

  return (
    <div className="flex flex-col gap-6">
      {hasTraffic ? null : <GettingStarted />}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard icon={Zap} label="Runs today" value={String(data.runsToday)} />
        <StatCard icon={Activity} label="Runs, last 7 days" value={String(data.runsLast7Days)} />
        <StatCard
          icon={CheckCircle2}
          label="Success rate"
          value={data.successRate === null ? "—" : percent.format(data.successRate)}
          hint={data.successRate === null ? "No finished runs in the last 7 days" : "Of finished runs, last 7 days"}
        />
        <StatCard
          icon={PhoneCall}
          label="Calls, last 7 days"
          value={String(data.callsLast7Days.total)}
          hint={`${data.callsLast7Days.answered} answered · ${data.callsLast7Days.missed} missed${
            simulated > 0 ? ` · ${simulated} simulated not counted` : ""
          }`}
        />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Runs over time</CardTitle>
          <CardDescription>
            Live runs per day for the last {data.runsPerDay.length} days ({data.timeZone}).
          </CardDescription>
        </CardHeader>
        <CardContent>
          <RunsOverTimeChart days={data.runsPerDay} />
        </CardContent>
      </Card>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Calls by source</CardTitle>
            <CardDescription>Last 7 days, answered and missed.</CardDescription>
          </CardHeader>
          <CardContent>
            {data.callsBySource.length > 0 ? (
              <CallsBySource sources={data.callsBySource} />
            ) : (
              <p className="text-sm text-muted-foreground">
                No calls in the last 7 days.{" "}
                <Link href="/numbers" className="font-medium text-primary hover:underline">
                  Add a tracking number
                </Link>{" "}
                to see where your calls come from.
              </p>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Workflows with recent failures</CardTitle>
            <CardDescription>Last 7 days. Open one to see what went wrong.</CardDescription>
          </CardHeader>
          <CardContent>
            {data.failingWorkflows.length > 0 ? (
              <FailingWorkflows workflows={data.failingWorkflows} />
            ) : (
              <p className="text-sm text-muted-foreground">Nothing failed in the last 7 days.</p>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
