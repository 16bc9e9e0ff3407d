import type { Metadata } from "next";
import { CallList } from "@/components/calls/call-list";
import { filtersFromSearchParams } from "@/lib/call-filters";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Calls" };

export default async function CallsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = filtersFromSearchParams(await searchParams);
  return (
    <>
      <PageHeader title="Calls" description="Calls to your tracking numbers, where they came from, and the workflows they ran." />
      <CallList initialFilters={filters} />
    </>
  );
}
