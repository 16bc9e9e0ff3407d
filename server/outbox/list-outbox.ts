import { and, desc, eq, notInArray } from "drizzle-orm";
import { outboxMessages, type OutboxCategory, type OutboxChannel } from "@/db/schema";
import { hasRole } from "@/lib/roles";
import type { OrgScope } from "../organizations/org-scope";

/** Invitations (and sign-in links) can grant access: only admins and owners see those emails. */
const adminOnlyCategories: OutboxCategory[] = ["sign_in", "invitation"];

/** The Outbox page: what the organization sent or would have sent, newest first. */
export async function listOutbox(scope: OrgScope, input: { channel?: OutboxChannel; limit: number }) {
  return scope.db
    .select()
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.organizationId, scope.org.id),
        input.channel ? eq(outboxMessages.channel, input.channel) : undefined,
        hasRole(scope.role, "admin") ? undefined : notInArray(outboxMessages.category, adminOnlyCategories),
      ),
    )
    .orderBy(desc(outboxMessages.createdAt))
    .limit(input.limit);
}
