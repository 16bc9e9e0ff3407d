import type { Metadata } from "next";
import { MembersPanel } from "@/components/settings/members-panel";
import { hasRole } from "@/lib/roles";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Members" };

export default async function MembersSettingsPage() {
  const organization = await (await getServerCaller()).organization.current();
  return <MembersPanel organizationName={organization.name} myRole={organization.role} canManage={hasRole(organization.role, "admin")} />;
}
