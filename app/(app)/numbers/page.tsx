import type { Metadata } from "next";
import { TrackingNumberList } from "@/components/numbers/tracking-number-list";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, roleLabels } from "@/lib/roles";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Numbers" };

export default async function NumbersPage() {
  const { role } = await (await getServerCaller()).organization.current();
  return (
    <>
      <PageHeader title="Tracking numbers" description="One phone number per marketing source, so every call is attributed." />
      <TrackingNumberList canEdit={hasRole(role, "admin")} roleLabel={roleLabels[role]} />
    </>
  );
}
