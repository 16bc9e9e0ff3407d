import type { Metadata } from "next";
import { CallRailSettingsPanel } from "@/components/settings/callrail-settings-panel";
import { AdminOnly } from "@/components/settings/admin-only";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "CallRail" };

export default async function CallRailSettingsPage() {
  const { role } = await (await getServerCaller()).organization.current();
  return (
    <AdminOnly role={role} what="the CallRail connection">
      <CallRailSettingsPanel />
    </AdminOnly>
  );
}
