import type { Metadata } from "next";
import { getServerCaller } from "@/server/trpc/server-caller";
import { AdminOnly } from "@/components/settings/admin-only";
import { WebhookSecretPanel } from "@/components/settings/webhook-secret-panel";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksSettingsPage() {
  const { role } = await (await getServerCaller()).organization.current();
  return (
    <AdminOnly role={role} what="the webhook signing secret">
      <WebhookSecretPanel />
    </AdminOnly>
  );
}
