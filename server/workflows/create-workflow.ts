import type { Queryable } from "@/db/client";
import { workflows } from "@/db/schema";
import type { draftGraphSchema, WorkflowGraph } from "@/engine";
import type { z } from "zod";

type DraftGraph = z.output<typeof draftGraphSchema>;

export async function createWorkflow(
  db: Queryable,
  input: {
    organizationId: string;
    name: string;
    description?: string | null;
    graph: WorkflowGraph | DraftGraph;
    createdByUserId: string | null;
  },
) {
  const [workflow] = await db
    .insert(workflows)
    .values({
      organizationId: input.organizationId,
      name: input.name,
      description: input.description ?? null,
      draftGraph: input.graph,
      createdByUserId: input.createdByUserId,
    })
    .returning();
  return workflow!;
}
