import { and, desc, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { outboxMessages } from "@/db/schema";

/**
 * Sign-in and invitation emails to one address, for the local mailbox page. Served only while
 * the local mailbox is on (development, tests, LOCAL_MAILBOX=true), and only for the address the
 * visitor typed on the sign-in page: anyone can open the page, not everyone's links.
 */
export async function listSystemMail(db: Queryable, recipient: string, limit = 25) {
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
    .where(and(inArray(outboxMessages.category, ["sign_in", "invitation"]), sql`lower(${outboxMessages.to}) = ${recipient.toLowerCase()}`))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(limit);
}
