import { TRPCError } from "@trpc/server";
import { and, count, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships } from "@/db/schema";
import type { Role } from "@/lib/roles";

/** An organization always keeps at least one owner: refuse a change that would leave it with none. */
export async function assertKeepsAnOwner(db: Queryable, organizationId: string, leavingRole: Role, message: string) {
  if (leavingRole !== "owner") return;
  const [row] = await db
    .select({ owners: count() })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "owner")));
  if ((row?.owners ?? 0) <= 1) throw new TRPCError({ code: "BAD_REQUEST", message });
}

/** Only an owner may hand out, change or take away the owner role. */
export function assertMayManageRole(actorRole: Role, ...roles: Role[]) {
  if (actorRole !== "owner" && roles.includes("owner")) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only an owner can give, change or remove the Owner role." });
  }
}
