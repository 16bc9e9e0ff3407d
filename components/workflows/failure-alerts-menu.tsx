"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BellRing, EllipsisVertical } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Switch } from "@/components/ui/switch";

/** The workflow's "more" menu: failure emails on or off, and ways to its runs. */
export function FailureAlertsMenu({
  workflowId,
  alertsEnabled,
  canEdit,
}: {
  workflowId: string;
  alertsEnabled: boolean;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Shown at once; the server's answer (or the error toast) settles it.
  const [enabled, setEnabled] = useState(alertsEnabled);
  const save = useMutation(
    trpc.workflow.setAlertsEnabled.mutationOptions({
      onSuccess: async ({ alertsEnabled: saved }) => {
        toast.success(
          saved ? "You'll get an email when this workflow fails (at most one an hour)." : "Failure emails are off for this workflow.",
        );
        await queryClient.invalidateQueries({ queryKey: trpc.workflow.get.queryKey({ workflowId }) });
      },
      onError: () => setEnabled((current) => !current),
    }),
  );

  function toggle() {
    if (!canEdit || save.isPending) return;
    const next = !enabled;
    setEnabled(next);
    save.mutate({ workflowId, alertsEnabled: next });
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label="More workflow settings" title="More">
          <EllipsisVertical aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-72">
        <DropdownMenuLabel>When a run fails after its retries</DropdownMenuLabel>
        <DropdownMenuItem
          disabled={!canEdit}
          onSelect={(event) => {
            event.preventDefault();
            toggle();
          }}
        >
          <BellRing aria-hidden />
          <span className="flex-1">
            Email me when this workflow fails<span className="sr-only">: {enabled ? "on" : "off"}</span>
          </span>
          <Switch checked={enabled} tabIndex={-1} aria-hidden data-testid="failure-alerts-switch" />
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={`/workflows/${encodeURIComponent(workflowId)}/runs`}>All runs of this workflow</Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href={`/runs?workflow=${encodeURIComponent(workflowId)}&status=failed`}>See failed runs</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
