import { Hash } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Numbers" };

export default function NumbersPage() {
  return (
    <>
      <PageHeader title="Tracking numbers" description="One phone number per marketing source, so every call is attributed." />
      <EmptyState
        icon={Hash}
        title="No tracking numbers yet"
        description="Tracking numbers will be listed here, each with its marketing source, the business line it forwards to, and the webhook URLs to paste into Twilio."
      />
    </>
  );
}
