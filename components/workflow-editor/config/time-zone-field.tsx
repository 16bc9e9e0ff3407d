"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-react";
import { TimeZonePicker } from "@/components/settings/time-zone-picker";
import { timeZoneLabel, timeZoneOption } from "@/components/settings/time-zone-options";

/**
 * A step's own time zone, or none: the first choice, stored as empty, follows the workspace's time
 * zone (named, so the person knows which one that is today).
 */
export function TimeZoneField({
  id,
  labelId,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string;
  labelId: string;
  value: unknown;
  onChange: (zone: string | undefined) => void;
  invalid: boolean;
  describedBy: string | undefined;
}) {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.organization.current.queryOptions());
  const workspaceZone = workspace.data?.timezone;
  const option = workspaceZone ? timeZoneOption(workspaceZone) : null;
  const zoneName = option ? timeZoneLabel(option) : workspaceZone;
  return (
    <TimeZonePicker
      id={id}
      labelId={labelId}
      value={typeof value === "string" ? value : ""}
      onChange={(zone) => onChange(zone === "" ? undefined : zone)}
      invalid={invalid}
      describedBy={describedBy}
      emptyChoice={zoneName ? `The workspace's time zone (${zoneName})` : "The workspace's time zone"}
    />
  );
}
