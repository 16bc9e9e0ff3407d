"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { ReactFlowProvider } from "@xyflow/react";
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Skeleton } from "@/components/ui/skeleton";
import type { AppRouter } from "@/server/trpc/app-router";
import { useSavingAfterLeaving } from "./commands/saves-after-leaving";
import { EditorWorkspace } from "./editor-workspace";
import { asClause } from "@/components/ui/as-clause";

type WorkflowDraft = inferRouterOutputs<AppRouter>["workflow"]["get"];

const noSubscription = () => () => undefined;

/** The canvas is drawn in the browser only: the server renders the loading state. */
function useIsBrowser(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** Opens a workflow's draft (sent with the page, else loaded) in the editor; viewers get it read-only. */
export function WorkflowEditor({
  workflowId,
  canEdit,
  initialWorkflow,
  longestWaitDays = null,
}: {
  workflowId: string;
  canEdit: boolean;
  initialWorkflow?: WorkflowDraft;
  /** See the editor store's `longestWaitDays`. */
  longestWaitDays?: number | null;
}) {
  const trpc = useTRPC();
  const isBrowser = useIsBrowser();
  // Back a moment after leaving with an edit still being saved: open once it is saved.
  const stillSaving = useSavingAfterLeaving(workflowId);
  // The editor owns the draft once open: refetches (after publishing, renaming) only refresh the toolbar.
  const workflow = useQuery({ ...trpc.workflow.get.queryOptions({ workflowId }), staleTime: Infinity, initialData: initialWorkflow });

  if (workflow.isLoading || !isBrowser || stillSaving) {
    return (
      <div className="grid gap-3" aria-label="Loading the workflow">
        <Skeleton className="h-10" />
        <Skeleton className="h-[70vh]" />
      </div>
    );
  }
  if (workflow.isError || !workflow.data) {
    return (
      <div role="alert" className="grid gap-2 text-sm">
        <p className="text-destructive">This workflow could not be opened: {asClause(workflow.error?.message ?? "it was not found")}.</p>
        <Link href="/workflows" className="text-primary underline">
          Back to workflows
        </Link>
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <EditorWorkspace workflow={workflow.data} canEdit={canEdit} longestWaitDays={longestWaitDays} />
    </ReactFlowProvider>
  );
}
