import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events, workflowRuns, workflows, workflowVersions } from "@/db/schema";
import {
  eventSatisfiesTrigger,
  triggerConfigSchema,
  triggerTypesSatisfiedBy,
  workflowEventSchema,
  workflowGraphSchema,
} from "@/engine";
import { runSearchFieldsOf } from "../runs/run-search-fields";

/** The enabled workflows whose published trigger this event fires: one indexed lookup, then the trigger's filters. */
export async function findMatchingVersions(db: Database, organizationId: string, eventPayload: unknown) {
  const event = workflowEventSchema.parse(eventPayload);
  const candidates = await db
    .select({ workflowId: workflows.id, versionId: workflowVersions.id, graph: workflowVersions.graph })
    .from(workflows)
    .innerJoin(workflowVersions, eq(workflowVersions.id, workflows.publishedVersionId))
    .where(
      and(
        eq(workflows.organizationId, organizationId),
        eq(workflows.enabled, true),
        inArray(workflows.triggerEventType, triggerTypesSatisfiedBy(event)),
      ),
    );
  return candidates.filter((candidate) => {
    const graph = workflowGraphSchema.safeParse(candidate.graph);
    const trigger = graph.success ? graph.data.nodes.find((node) => node.kind === "trigger") : undefined;
    const config = triggerConfigSchema.safeParse(trigger?.config);
    return config.success && eventSatisfiesTrigger(config.data, event);
  });
}

/**
 * Starts one live run per matching published version — at most one, however often the event
 * is delivered (unique index) — then marks the event dispatched. Returns the runs to execute.
 */
export async function fanOutEvent(db: Database, eventId: string): Promise<string[]> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId)).limit(1);
  if (!event) return [];
  const matches = await findMatchingVersions(db, event.organizationId, event.payload);

  let created: string[] = [];
  if (matches.length > 0) {
    const searchFields = runSearchFieldsOf(event);
    const inserted = await db
      .insert(workflowRuns)
      .values(
        matches.map((match) => ({
          organizationId: event.organizationId,
          workflowId: match.workflowId,
          versionId: match.versionId,
          eventId: event.id,
          mode: "live" as const,
          ...searchFields,
        })),
      )
      .onConflictDoNothing({
        target: [workflowRuns.versionId, workflowRuns.eventId],
        where: sql`${workflowRuns.mode} = 'live' and ${workflowRuns.replayOfRunId} is null`,
      })
      .returning({ id: workflowRuns.id });
    created = inserted.map((run) => run.id);
  }
  if (event.dispatchState !== "dispatched") {
    await db.update(events).set({ dispatchState: "dispatched", dispatchedAt: new Date() }).where(eq(events.id, event.id));
  }
  // The usual case: every run is new. A redelivered event also picks up its unfinished runs.
  if (created.length === matches.length) return created;
  const runs = await db
    .select({ id: workflowRuns.id })
    .from(workflowRuns)
    .where(
      and(
        eq(workflowRuns.eventId, event.id),
        eq(workflowRuns.mode, "live"),
        isNull(workflowRuns.replayOfRunId),
        inArray(workflowRuns.status, ["queued", "running", "waiting"]),
      ),
    );
  return runs.map((run) => run.id);
}
