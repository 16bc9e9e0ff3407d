import type { ReactNode } from "react";
import { Logo } from "./logo";
import { MobileTopBar } from "./mobile-top-bar";
import { OrgSwitcher } from "./org-switcher";
import { SidebarNav } from "./sidebar-nav";
import { SkipLinksProvider } from "./skip-links";
import { UserMenu } from "./user-menu";

/**
 * The frame of every signed-in page. From the md breakpoint a 240 px sidebar (w-60); below it a 56 px
 * top bar (h-14) whose menu opens the same navigation in a sheet. The editor positions itself by
 * these two sizes (`top-14 md:top-0 left-0 md:left-60`), so they stay exactly so.
 */
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
    <SkipLinksProvider>
      <div className="flex min-h-screen flex-col md:flex-row">
        <MobileTopBar organization={organization} user={user} />
        <aside className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col gap-4 border-r bg-card p-3 md:flex">
          <div className="px-1 pt-1">
            <Logo />
          </div>
          <OrgSwitcher current={organization} />
          <SidebarNav />
          <div className="mt-auto border-t pt-3">
            <UserMenu user={user} />
          </div>
        </aside>
        {/* Focused by "Skip to main content"; it is not a control, so it draws no ring. */}
        <main id="main-content" tabIndex={-1} className="min-w-0 flex-1 px-4 py-5 outline-none md:px-8 md:py-7">
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </SkipLinksProvider>
  );
}
