"use client";

import { Menu } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { Logo } from "./logo";
import { OrgSwitcher } from "./org-switcher";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

/** Below the md breakpoint: the logo and a menu button that opens the sidebar's contents in a sheet. */
export function MobileTopBar({
  organization,
  user,
}: {
  organization: { id: string; name: string; role: string };
  user: { name?: string | null; email?: string | null };
}) {
  const [open, setOpen] = useState(false);
  return (
    <header className="sticky top-0 z-40 flex h-14 shrink-0 items-center justify-between gap-3 border-b bg-card px-4 md:hidden">
      <Link href="/" aria-label="Switchboard home" className="rounded-md">
        <Logo />
      </Link>
      <Sheet open={open} onOpenChange={setOpen}>
        <SheetTrigger asChild>
          <Button variant="ghost" size="icon" aria-label="Open menu" data-testid="mobile-menu-button">
            <Menu aria-hidden />
          </Button>
        </SheetTrigger>
        <SheetContent side="left" closeLabel="Close menu" aria-describedby={undefined} className="p-3" data-testid="mobile-menu">
          <SheetTitle className="sr-only">Menu</SheetTitle>
          <div className="flex h-9 items-center px-1">
            <Logo />
          </div>
          <OrgSwitcher current={organization} />
          <SidebarNav onNavigate={() => setOpen(false)} />
          <div className="mt-auto border-t pt-3">
            <UserMenu user={user} />
          </div>
        </SheetContent>
      </Sheet>
    </header>
  );
}
