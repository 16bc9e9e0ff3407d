import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { workflows, workflowVersions } from "@/db/schema";
import {
  eventSatisfiesTrigger,
  triggerConfigSchema,
  triggerTypesSatisfiedBy,
  workflowEventSchema,
  workflowGraphSchema,
  type EventType,
  type TriggerConfig,
  type WorkflowEvent,
  type WorkflowGraph,
} from "@/engine";

type ParsedVersion = { graph: WorkflowGraph; trigger: TriggerConfig } | null;

// Published versions never change, so each is parsed once per process, not once per event.
const parsedVersions = new Map<string, ParsedVersion>();

function parseVersion(versionId: string, rawGraph: unknown): ParsedVersion {
  if (parsedVersions.has(versionId)) return parsedVersions.get(versionId)!;
  const graph = workflowGraphSchema.safeParse(rawGraph);
  const trigger = graph.success
    ? triggerConfigSchema.safeParse(graph.data.nodes.find((node) => node.kind === "trigger")?.config)
    : undefined;
  const parsed = graph.success && trigger?.success ? { graph: graph.data, trigger: trigger.data } : null;
  if (parsedVersions.size >= 2_000) parsedVersions.clear();
  parsedVersions.set(versionId, parsed);
  return parsed;
}

export type MatchedVersion = {
  workflowId: string;
  versionId: string;
  workflowName: string;
  workflowCreatorUserId: string | null;
  rawGraph: unknown;
  graph: WorkflowGraph;
  /** What the workflow listens for: "call.missed" for an unanswered `call.completed`, say. */
  triggerEventType: EventType;
};

/**
 * For each event of one organization, the enabled workflows whose published trigger it fires:
 * one indexed lookup for all of them, then each trigger's filters in memory.
 */
export async function matchEventsToVersions(db: Queryable, organizationId: string, events: WorkflowEvent[]): Promise<MatchedVersion[][]> {
  const types = [...new Set(events.flatMap((event) => triggerTypesSatisfiedBy(event)))];
  if (types.length === 0) return events.map(() => []);
  const candidates = await db
    .select({
      workflowId: workflows.id,
      versionId: workflowVersions.id,
      workflowName: workflows.name,
      workflowCreatorUserId: workflows.createdByUserId,
      rawGraph: workflowVersions.graph,
    })
    .from(workflows)
    .innerJoin(workflowVersions, eq(workflowVersions.id, workflows.publishedVersionId))
    .where(and(eq(workflows.organizationId, organizationId), eq(workflows.enabled, true), inArray(workflows.triggerEventType, types)));
  const parsed = candidates.flatMap((candidate) => {
    const version = parseVersion(candidate.versionId, candidate.rawGraph);
    return version ? [{ ...candidate, ...version }] : [];
  });
  return events.map((event) =>
    parsed
      .filter((candidate) => eventSatisfiesTrigger(candidate.trigger, event))
      .map(({ trigger, ...match }) => ({ ...match, triggerEventType: trigger.eventType })),
  );
}

/** The enabled workflows whose published trigger this event fires. */
export async function findMatchingVersions(db: Queryable, organizationId: string, eventPayload: unknown) {
  const [matches] = await matchEventsToVersions(db, organizationId, [workflowEventSchema.parse(eventPayload)]);
  return matches!;
}
