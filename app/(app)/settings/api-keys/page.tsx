import type { Metadata } from "next";
import { getServerCaller } from "@/server/trpc/server-caller";
import { AdminOnly } from "@/components/settings/admin-only";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const { role } = await (await getServerCaller()).organization.current();
  return (
    <AdminOnly role={role} what="API keys">
      <ApiKeysPanel />
    </AdminOnly>
  );
}
