import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { RunList } from "@/components/runs/run-list";
import { WorkflowRunsHeader } from "@/components/runs/workflow-runs-header";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Workflow runs" };

export default async function WorkflowRunsPage({ params }: { params: Promise<{ workflowId: string }> }) {
  const { workflowId } = await params;
  return (
    <>
      <Link href="/workflows" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> All workflows
      </Link>
      <WorkflowRunsHeader workflowId={workflowId} />
      <Suspense fallback={<Skeleton className="h-48" />}>
        <RunList workflowId={workflowId} />
      </Suspense>
    </>
  );
}
