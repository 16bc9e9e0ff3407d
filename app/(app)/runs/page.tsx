import type { Metadata } from "next";
import { RunList } from "@/components/runs/run-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Runs" };

export default function RunsPage() {
  return (
    <>
      <PageHeader title="Runs" description="Every time a workflow ran, step by step." />
      <RunList />
    </>
  );
}
