import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { workflows } from "@/db/schema";

/** A workflow of the caller's organization, or not-found — also for another organization's id. */
export async function findWorkflowInOrg(db: Queryable, organizationId: string, workflowId: string) {
  const [workflow] = await db
    .select()
    .from(workflows)
    .where(and(eq(workflows.id, workflowId), eq(workflows.organizationId, organizationId)))
    .limit(1);
  if (!workflow) throw new TRPCError({ code: "NOT_FOUND", message: "That workflow was not found." });
  return workflow;
}
