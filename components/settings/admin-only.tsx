import { ShieldAlert } from "lucide-react";
import type { ReactNode } from "react";
import { hasRole, roleLabels, type Role } from "@/lib/roles";

/** Shows its children to admins and owners, and a plain explanation to everyone else. */
export function AdminOnly({ role, what, children }: { role: Role; what: string; children: ReactNode }) {
  if (hasRole(role, "admin")) return <>{children}</>;
  return (
    <p role="note" className="flex max-w-2xl items-center gap-2 rounded-md bg-muted px-4 py-3 text-sm text-muted-foreground">
      <ShieldAlert className="size-4" aria-hidden /> Only admins and owners can see {what}. You are {roleLabels[role]}.
    </p>
  );
}
