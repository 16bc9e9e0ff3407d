import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CallDetail } from "@/components/calls/call-detail";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Call" };

export default async function CallPage({ params }: { params: Promise<{ callId: string }> }) {
  const { callId } = await params;
  return (
    <>
      <Link href="/calls" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> All calls
      </Link>
      <PageHeader title="Call details" description="Who called, how it went, and what Switchboard did about it." />
      <CallDetail callId={callId} />
    </>
  );
}
