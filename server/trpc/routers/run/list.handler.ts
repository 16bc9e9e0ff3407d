import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { events, workflowRuns, workflows } from "@/db/schema";
import type { OrgProcedureContext } from "../../procedures";
import type { listRunsSchema } from "./run.schemas";

/** Newest first, keyset-paginated on (created_at, id) so page 1,000 costs what page 1 does. */
export async function listRuns({ ctx, input }: { ctx: OrgProcedureContext; input: z.infer<typeof listRunsSchema> }) {
  const cursor = input.cursor;
  const rows = await ctx.db
    .select({
      id: workflowRuns.id,
      status: workflowRuns.status,
      mode: workflowRuns.mode,
      createdAt: workflowRuns.createdAt,
      startedAt: workflowRuns.startedAt,
      finishedAt: workflowRuns.finishedAt,
      error: workflowRuns.error,
      workflowId: workflows.id,
      workflowName: workflows.name,
      eventType: events.type,
      callerNumber: sql<string | null>`${events.payload} -> 'caller' ->> 'phone_number'`,
    })
    .from(workflowRuns)
    .innerJoin(workflows, eq(workflows.id, workflowRuns.workflowId))
    .innerJoin(events, eq(events.id, workflowRuns.eventId))
    .where(
      and(
        eq(workflowRuns.organizationId, ctx.org.id),
        input.workflowId ? eq(workflowRuns.workflowId, input.workflowId) : undefined,
        input.status ? eq(workflowRuns.status, input.status) : undefined,
        cursor
          ? or(lt(workflowRuns.createdAt, cursor.createdAt), and(eq(workflowRuns.createdAt, cursor.createdAt), lt(workflowRuns.id, cursor.id)))
          : undefined,
      ),
    )
    .orderBy(desc(workflowRuns.createdAt), desc(workflowRuns.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { runs: page, nextCursor: rows.length > input.limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}
