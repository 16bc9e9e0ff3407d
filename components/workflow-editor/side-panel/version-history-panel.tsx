"use client";

import { useQuery } from "@tanstack/react-query";
import { Eye } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { relativeTime } from "@/components/ui/relative-time";

/** Published versions, newest first; each can be opened read-only (and restored from there). */
export function VersionHistoryPanel({
  workflowId,
  viewingId,
  onView,
}: {
  workflowId: string;
  viewingId: string | null;
  onView: (versionId: string) => void;
}) {
  const trpc = useTRPC();
  const versions = useQuery(trpc.workflow.versions.queryOptions({ workflowId }));

  if (versions.isLoading) return <Skeleton className="m-3 h-24" />;
  if (versions.isError)
    return (
      <p role="alert" className="p-3 text-sm text-destructive">
        Could not load the versions: {versions.error.message}
      </p>
    );
  if (!versions.data?.length) {
    return (
      <p className="p-4 text-sm text-muted-foreground">
        No versions yet. Each time you publish, a version is kept here so you can look back or restore it.
      </p>
    );
  }
  return (
    <ul className="grid gap-1 p-2" data-testid="version-list">
      {versions.data.map((version) => (
        <li
          key={version.id}
          data-testid="version-row"
          className={`rounded-md border p-2.5 ${viewingId === version.id ? "border-primary bg-accent" : "bg-card"}`}
        >
          <div className="flex items-center justify-between gap-2">
            <p className="font-medium">
              Version {version.number} {version.isCurrent ? <Badge tone="success">Live</Badge> : null}
            </p>
            <Button variant="ghost" size="sm" onClick={() => onView(version.id)} aria-label={`View version ${version.number}`}>
              <Eye aria-hidden /> View
            </Button>
          </div>
          <p className="text-xs text-muted-foreground">
            {relativeTime(version.publishedAt)}
            {version.publishedByName ? ` by ${version.publishedByName}` : ""}
          </p>
          {version.note ? <p className="mt-1 text-sm">{version.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}
