import type { ReactNode } from "react";
import { Logo } from "./logo";
import { OrgSwitcher } from "./org-switcher";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

export function AppShell({
  organization,
  user,
  children,
}: {
  organization: { id: string; name: string; role: string };
  user: { name?: string | null; email?: string | null };
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col gap-4 border-r bg-card p-3">
        <div className="px-1 pt-1">
          <Logo />
        </div>
        <OrgSwitcher current={organization} />
        <SidebarNav />
        <div className="mt-auto border-t pt-3">
          <UserMenu user={user} />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-7">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
