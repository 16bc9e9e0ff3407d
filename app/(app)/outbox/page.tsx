import type { Metadata } from "next";
import { OutboxList } from "@/components/outbox/outbox-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Outbox" };

export default function OutboxPage() {
  return (
    <>
      <PageHeader title="Outbox" description="Every text and email Switchboard sent, or would have sent, for this workspace." />
      <OutboxList />
    </>
  );
}
