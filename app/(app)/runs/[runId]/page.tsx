import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { RunDetail } from "@/components/runs/run-detail";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/roles";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  const organization = await (await getServerCaller()).organization.current();
  return (
    <>
      <Link href="/runs" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> All runs
      </Link>
      <PageHeader title="Run details" description="What happened, step by step: the path the run took is highlighted on the workflow." />
      <RunDetail runId={runId} canReplay={hasRole(organization.role, "editor")} />
    </>
  );
}
