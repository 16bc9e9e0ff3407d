import type { Metadata } from "next";
import { Suspense } from "react";
import { RunList } from "@/components/runs/run-list";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Runs" };

export default function RunsPage() {
  return (
    <>
      <PageHeader title="Runs" description="Every time a workflow ran, step by step. Filter, search, and share the link of what you see." />
      <Suspense fallback={<Skeleton className="h-48" />}>
        <RunList />
      </Suspense>
    </>
  );
}
