import { PhoneCall } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Calls" };

export default function CallsPage() {
  return (
    <>
      <PageHeader title="Calls" description="Calls to your tracking numbers and where they came from." />
      <EmptyState
        icon={PhoneCall}
        title="No calls yet"
        description="Calls to your tracking numbers will appear here with the caller, the marketing source, whether they were answered, and the workflows they ran."
      />
    </>
  );
}
