import { TRPCError } from "@trpc/server";
import { and, desc, eq } from "drizzle-orm";
import { events, runSteps, workflowRuns, workflows, workflowVersions } from "@/db/schema";
import { draftGraphSchema, topologicalOrder } from "@/engine";
import type { OrgScope } from "../organizations/org-scope";

/**
 * Steps in the order they ran: by start time, and in the graph's walking order for steps that
 * started within the same millisecond (a trigger and the condition after it usually do).
 */
export function inRunOrder<S extends { nodeId: string; startedAt: Date }>(steps: S[], graph: unknown): S[] {
  const parsed = draftGraphSchema.safeParse(graph);
  const walked = parsed.success ? (topologicalOrder(parsed.data) ?? parsed.data.nodes.map((node) => node.id)) : [];
  const rank = new Map(walked.map((nodeId, index) => [nodeId, index]));
  const rankOf = (step: S) => rank.get(step.nodeId) ?? walked.length;
  return steps.toSorted((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || rankOf(a) - rankOf(b));
}

/** A run of the organization with its event, the graph it walked, its steps and the replays around it. */
export async function getRun(scope: OrgScope, runId: string) {
  const [row] = await scope.db
    .select({
      run: workflowRuns,
      workflowName: workflows.name,
      workflowPublishedVersionId: workflows.publishedVersionId,
      versionNumber: workflowVersions.number,
      versionGraph: workflowVersions.graph,
      event: { id: events.id, type: events.type, source: events.source, payload: events.payload, receivedAt: events.receivedAt },
    })
    .from(workflowRuns)
    .innerJoin(workflows, eq(workflows.id, workflowRuns.workflowId))
    .innerJoin(events, eq(events.id, workflowRuns.eventId))
    .leftJoin(workflowVersions, eq(workflowVersions.id, workflowRuns.versionId))
    .where(and(eq(workflowRuns.id, runId), eq(workflowRuns.organizationId, scope.org.id)))
    .limit(1);
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That run was not found." });

  const steps = await scope.db
    .select({
      nodeId: runSteps.nodeId,
      nodeKind: runSteps.nodeKind,
      status: runSteps.status,
      branch: runSteps.branch,
      input: runSteps.input,
      output: runSteps.output,
      error: runSteps.error,
      attempt: runSteps.attempt,
      attempts: runSteps.attempts,
      wakeAt: runSteps.wakeAt,
      startedAt: runSteps.startedAt,
      finishedAt: runSteps.finishedAt,
    })
    .from(runSteps)
    .where(eq(runSteps.runId, row.run.id));

  const linkedRun = { id: workflowRuns.id, status: workflowRuns.status, createdAt: workflowRuns.createdAt };
  const inThisOrg = eq(workflowRuns.organizationId, scope.org.id);
  const [replayOf] = row.run.replayOfRunId
    ? await scope.db
        .select(linkedRun)
        .from(workflowRuns)
        .where(and(eq(workflowRuns.id, row.run.replayOfRunId), inThisOrg))
        .limit(1)
    : [];
  const replays = await scope.db
    .select(linkedRun)
    .from(workflowRuns)
    .where(and(eq(workflowRuns.replayOfRunId, row.run.id), inThisOrg))
    .orderBy(desc(workflowRuns.createdAt))
    .limit(20);

  const { testGraph, ...run } = row.run;
  const { versionGraph, workflowPublishedVersionId, ...rest } = row;
  const graph = testGraph ?? versionGraph;
  return {
    ...rest,
    run,
    graph,
    workflowHasPublishedVersion: workflowPublishedVersionId !== null,
    steps: inRunOrder(steps, graph),
    /** The run this one replayed, unless retention has deleted it (then only `run.replayOfRunId` remains). */
    replayOf: replayOf ?? null,
    replays,
  };
}
