import { Activity, Hash, Inbox, LayoutDashboard, PhoneCall, Settings, Workflow, type LucideIcon } from "lucide-react";

export type NavItem = { href: string; label: string; icon: LucideIcon };

export const navItems: NavItem[] = [
  { href: "/", label: "Home", icon: LayoutDashboard },
  { href: "/workflows", label: "Workflows", icon: Workflow },
  { href: "/runs", label: "Runs", icon: Activity },
  { href: "/calls", label: "Calls", icon: PhoneCall },
  { href: "/numbers", label: "Numbers", icon: Hash },
  { href: "/outbox", label: "Outbox", icon: Inbox },
  { href: "/settings", label: "Settings", icon: Settings },
];
