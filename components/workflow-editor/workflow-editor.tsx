"use client";

import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc-react";
import { Skeleton } from "@/components/ui/skeleton";
import { EditorWorkspace } from "./editor-workspace";

/** Loads a workflow's draft and opens it in the editor; viewers get it read-only. */
export function WorkflowEditor({ workflowId, canEdit }: { workflowId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  // The editor owns the draft once open: refetches (after publishing, renaming) only refresh the toolbar.
  const workflow = useQuery({ ...trpc.workflow.get.queryOptions({ workflowId }), staleTime: Infinity });

  if (workflow.isLoading) {
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
        <p className="text-destructive">This workflow could not be opened: {workflow.error?.message ?? "it was not found"}.</p>
        <Link href="/workflows" className="text-primary underline">
          Back to workflows
        </Link>
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <EditorWorkspace workflow={workflow.data} canEdit={canEdit} />
    </ReactFlowProvider>
  );
}
