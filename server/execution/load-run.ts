import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { events, organizations, workflowRuns, workflows, workflowVersions } from "@/db/schema";
import { workflowEventSchema, workflowGraphSchema } from "@/engine";

/** Everything a run needs, read once: its graph (the published version, or a test run's draft), event and org. */
export async function loadRun(db: Queryable, runId: string) {
  const [row] = await db
    .select({
      run: workflowRuns,
      workflowName: workflows.name,
      workflowCreatorUserId: workflows.createdByUserId,
      versionGraph: workflowVersions.graph,
      eventPayload: events.payload,
      organization: organizations,
    })
    .from(workflowRuns)
    .innerJoin(workflows, eq(workflows.id, workflowRuns.workflowId))
    .innerJoin(events, eq(events.id, workflowRuns.eventId))
    .innerJoin(organizations, eq(organizations.id, workflowRuns.organizationId))
    .leftJoin(workflowVersions, eq(workflowVersions.id, workflowRuns.versionId))
    .where(eq(workflowRuns.id, runId))
    .limit(1);
  if (!row) return null;
  return {
    ...row,
    graph: workflowGraphSchema.parse(row.run.testGraph ?? row.versionGraph),
    event: workflowEventSchema.parse(row.eventPayload),
  };
}

export type LoadedRun = NonNullable<Awaited<ReturnType<typeof loadRun>>>;
