import type { Metadata } from "next";
import { GeneralSettingsForm } from "@/components/settings/general-settings-form";
import { hasRole } from "@/lib/roles";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Settings" };

export default async function GeneralSettingsPage() {
  const organization = await (await getServerCaller()).organization.current();
  return <GeneralSettingsForm organization={organization} canEdit={hasRole(organization.role, "admin")} />;
}
