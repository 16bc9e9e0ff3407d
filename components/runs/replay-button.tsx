"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

/** Runs this run's event again on the workflow's current published version, then opens the new run. */
export function ReplayButton({
  runId,
  workflowName,
  disabledReason,
}: {
  runId: string;
  workflowName: string;
  disabledReason: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const replay = useMutation(
    trpc.run.replay.mutationOptions({
      onSuccess: async ({ runId: newRunId, handedOff }) => {
        if (handedOff) toast.success("Replay started", { description: "Opening the new run." });
        else
          toast.warning("Replay queued", {
            description: "Inngest could not be reached. The new run is queued and will start when Inngest is reachable again.",
          });
        await queryClient.invalidateQueries({ queryKey: trpc.run.pathKey() });
        router.push(`/runs/${newRunId}`);
      },
    }),
  );
  const button = (
    <Button variant="secondary" disabled={Boolean(disabledReason) || replay.isPending} title={disabledReason ?? undefined}>
      <RotateCw aria-hidden /> {replay.isPending ? "Replaying…" : "Replay"}
    </Button>
  );
  if (disabledReason) {
    return (
      <span className="inline-flex flex-col items-end gap-1">
        {button}
        <span className="max-w-xs text-right text-xs text-muted-foreground">{disabledReason}</span>
      </span>
    );
  }
  return (
    <ConfirmDialog
      trigger={button}
      title="Replay this run?"
      description={`The same event runs again through the current published version of “${workflowName}”, as a new run. Its texts, emails and webhooks are sent again for real.`}
      confirmLabel="Replay now"
      onConfirm={() => replay.mutate({ runId })}
    />
  );
}
