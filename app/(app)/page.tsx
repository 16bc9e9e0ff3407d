import type { Metadata } from "next";
import { Dashboard } from "@/components/dashboard/dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const organization = await (await getServerCaller()).organization.current();
  return (
    <>
      <PageHeader title={`Welcome to ${organization.name}`} description="How your calls and workflows are doing." />
      <Dashboard />
    </>
  );
}
