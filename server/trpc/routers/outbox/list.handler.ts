import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import { outboxMessages } from "@/db/schema";
import type { OrgProcedureContext } from "../../procedures";
import type { listOutboxSchema } from "./list.schema";

export async function listOutbox({ ctx, input }: { ctx: OrgProcedureContext; input: z.infer<typeof listOutboxSchema> }) {
  return ctx.db
    .select()
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.organizationId, ctx.org.id),
        input.channel ? eq(outboxMessages.channel, input.channel) : undefined,
      ),
    )
    .orderBy(desc(outboxMessages.createdAt))
    .limit(input.limit);
}
