import { desc, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { outboxMessages } from "@/db/schema";

/**
 * Sign-in and invitation emails, for the local mailbox page. Only served while no email
 * provider is configured: then the outbox is the only way these emails reach anyone.
 */
export async function listSystemMail(db: Queryable, limit = 25) {
  return db
    .select({
      id: outboxMessages.id,
      to: outboxMessages.to,
      subject: outboxMessages.subject,
      body: outboxMessages.body,
      actionUrl: outboxMessages.actionUrl,
      category: outboxMessages.category,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .where(inArray(outboxMessages.category, ["sign_in", "invitation"]))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(limit);
}
