import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships } from "@/db/schema";

/** A membership of the caller's organization, or not-found (also for ids of other organizations). */
export async function findMembershipInOrg(db: Queryable, organizationId: string, membershipId: string) {
  const [membership] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, organizationId)))
    .limit(1);
  if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "That member was not found." });
  return membership;
}
