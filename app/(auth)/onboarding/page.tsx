import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TRPCReactProvider } from "@/components/providers/trpc-react";
import { WorkspaceSetupForm } from "@/components/settings/workspace-setup-form";
import { auth } from "@/server/auth/auth";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Set up your workspace" };

/**
 * First sign-in: the business name and time zone, before the app. The signed-in layout sends a
 * workspace that was never set up here; one that was set up has nothing to do here.
 */
export default async function OnboardingPage() {
  const session = await auth();
  if (!session?.user) redirect("/sign-in");
  const organization = await (await getServerCaller()).organization.current();
  if (!organization.needsSetup) redirect("/");
  return (
    <TRPCReactProvider>
      <WorkspaceSetupForm email={session.user.email ?? null} savedTimeZone={organization.timezone} />
    </TRPCReactProvider>
  );
}
