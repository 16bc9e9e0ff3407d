import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/components/providers/trpc-react";
import { AppShell } from "@/components/shell/app-shell";
import { auth } from "@/server/auth/auth";
import { getServerCaller } from "@/server/trpc/server-caller";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  if (!session?.user) redirect("/sign-in");
  const organization = await (await getServerCaller()).organization.current();
  // A workspace made at sign-up asks for its business name and time zone first (issue 16, item 3).
  if (organization.needsSetup) redirect("/onboarding");

  return (
    <TRPCReactProvider>
      <AppShell organization={organization} user={session.user}>
        {children}
      </AppShell>
    </TRPCReactProvider>
  );
}
