import { and, desc, eq, notInArray } from "drizzle-orm";
import type { z } from "zod";
import { outboxMessages, type OutboxCategory } from "@/db/schema";
import { hasRole } from "@/lib/roles";
import type { OrgProcedureContext } from "../../procedures";
import type { listOutboxSchema } from "./list.schema";

/** Invitations (and sign-in links) can grant access: only admins and owners see those emails. */
const adminOnlyCategories: OutboxCategory[] = ["sign_in", "invitation"];

export async function listOutbox({ ctx, input }: { ctx: OrgProcedureContext; input: z.infer<typeof listOutboxSchema> }) {
  return ctx.db
    .select()
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.organizationId, ctx.org.id),
        input.channel ? eq(outboxMessages.channel, input.channel) : undefined,
        hasRole(ctx.role, "admin") ? undefined : notInArray(outboxMessages.category, adminOnlyCategories),
      ),
    )
    .orderBy(desc(outboxMessages.createdAt))
    .limit(input.limit);
}
