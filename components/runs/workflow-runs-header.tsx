"use client";

import { useQuery } from "@tanstack/react-query";
import { PencilRuler } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

/** The per-workflow Runs page's title: the workflow's name, and the way to its editor. */
export function WorkflowRunsHeader({ workflowId }: { workflowId: string }) {
  const trpc = useTRPC();
  const workflow = useQuery(trpc.workflow.get.queryOptions({ workflowId }));
  if (workflow.isError) {
    return (
      <PageHeader
        title="Runs"
        description={
          <span role="alert" className="text-destructive">
            This workflow could not be found: {workflow.error.message}
          </span>
        }
      />
    );
  }
  return (
    <PageHeader
      title={workflow.data ? `Runs of “${workflow.data.name}”` : "Runs"}
      description="Every time this workflow ran, step by step."
      actions={
        <Button asChild variant="secondary">
          <Link href={`/workflows/${workflowId}`}>
            <PencilRuler aria-hidden /> Open in the editor
          </Link>
        </Button>
      }
    />
  );
}
