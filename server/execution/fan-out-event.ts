import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events, organizations, workflowRuns } from "@/db/schema";
import { workflowEventSchema, type WorkflowEvent } from "@/engine";
import { runSearchFieldsOf } from "../runs/run-search-fields";
import type { LoadedRun } from "./load-run";
import { matchEventsToVersions, type MatchedVersion } from "./match-workflows";
import { runTransitions, unfinishedRunStatuses } from "./run-transitions";

export { findMatchingVersions } from "./match-workflows";

export type FannedOut = {
  /** Runs created by this call, with everything needed to execute them (claimed when asked to). */
  started: LoadedRun[];
  /** Unfinished runs a redelivered event had started before: execute them by id. */
  unfinishedRunIds: string[];
};

/**
 * Starts one live run per matching published version for each event — at most one, however
 * often an event is delivered (unique index) — and marks the events dispatched. Each of the
 * three steps (read, match per organization, insert) is one statement for the whole batch.
 * With `claim`, the runs are created already held by the calling executor, which is about to execute them.
 */
export async function fanOutEvents(
  db: Database,
  eventIds: string[],
  options: { claim?: { at: Date; executorId: string } } = {},
): Promise<FannedOut> {
  if (eventIds.length === 0) return { started: [], unfinishedRunIds: [] };
  const read = await db
    .select({ row: events, organization: organizations })
    .from(events)
    .innerJoin(organizations, eq(organizations.id, events.organizationId))
    .where(inArray(events.id, eventIds));
  const rows = read.map(({ row }) => row);
  const organizationsById = new Map(read.map(({ organization }) => [organization.id, organization]));
  const parsed = rows.flatMap((row) => {
    const event = workflowEventSchema.safeParse(row.payload);
    return event.success ? [{ row, event: event.data }] : [];
  });

  const organizationIds = [...new Set(parsed.map(({ row }) => row.organizationId))];
  const matches = new Map<string, MatchedVersion[]>();
  for (const organizationId of organizationIds) {
    const ofOrganization = parsed.filter(({ row }) => row.organizationId === organizationId);
    const matched = await matchEventsToVersions(
      db,
      organizationId,
      ofOrganization.map(({ event }) => event),
    );
    ofOrganization.forEach(({ row }, index) => matches.set(row.id, matched[index]!));
  }

  const { claim } = options;
  const values = parsed.flatMap(({ row }) =>
    matches.get(row.id)!.map((match) => ({
      organizationId: row.organizationId,
      workflowId: match.workflowId,
      versionId: match.versionId,
      eventId: row.id,
      mode: "live" as const,
      ...runSearchFieldsOf(row),
      // The trigger the run answered, so "Call missed" on the Runs page finds a missed call's runs.
      eventType: match.triggerEventType,
      ...(claim ? runTransitions.claimed(claim.at, claim.executorId) : runTransitions.queued()),
    })),
  );
  // Marking the events dispatched rides along with the insert, in the same statement.
  const undispatched = rows.filter((row) => row.dispatchState !== "dispatched").map((row) => row.id);
  const markDispatched = () =>
    db.update(events).set({ dispatchState: "dispatched", dispatchedAt: new Date() }).where(inArray(events.id, undispatched));
  let created: (typeof workflowRuns.$inferSelect)[] = [];
  if (values.length > 0) {
    const builder = undispatched.length > 0 ? db.with(db.$with("dispatched").as(markDispatched().returning({ id: events.id }))) : db;
    created = await builder
      .insert(workflowRuns)
      .values(values)
      .onConflictDoNothing({
        target: [workflowRuns.versionId, workflowRuns.eventId],
        where: sql`${workflowRuns.mode} = 'live' and ${workflowRuns.replayOfRunId} is null`,
      })
      .returning();
  } else if (undispatched.length > 0) {
    await markDispatched();
  }

  // The usual case: every run is new. A redelivered event also picks up its unfinished runs.
  const createdPerEvent = new Map<string, number>();
  for (const run of created) createdPerEvent.set(run.eventId, (createdPerEvent.get(run.eventId) ?? 0) + 1);
  const redelivered = parsed.filter(({ row }) => (createdPerEvent.get(row.id) ?? 0) < matches.get(row.id)!.length).map(({ row }) => row.id);
  const createdIds = new Set(created.map((run) => run.id));
  const unfinishedRunIds =
    redelivered.length === 0
      ? []
      : (
          await db
            .select({ id: workflowRuns.id })
            .from(workflowRuns)
            .where(
              and(
                inArray(workflowRuns.eventId, redelivered),
                eq(workflowRuns.mode, "live"),
                isNull(workflowRuns.replayOfRunId),
                inArray(workflowRuns.status, [...unfinishedRunStatuses]),
              ),
            )
        )
          .map((run) => run.id)
          .filter((id) => !createdIds.has(id));

  if (created.length === 0) return { started: [], unfinishedRunIds };
  const eventsById = new Map(parsed.map(({ row, event }) => [row.id, { row, event }]));
  const started = created.map((run): LoadedRun => {
    const source = eventsById.get(run.eventId)!;
    const match = matches.get(run.eventId)!.find((candidate) => candidate.versionId === run.versionId)!;
    return loadedRunOf(run, match, source.row.payload, source.event, organizationsById.get(run.organizationId)!);
  });
  return { started, unfinishedRunIds };
}

function loadedRunOf(
  run: typeof workflowRuns.$inferSelect,
  match: MatchedVersion,
  eventPayload: unknown,
  event: WorkflowEvent,
  organization: typeof organizations.$inferSelect,
): LoadedRun {
  return {
    run,
    workflowName: match.workflowName,
    workflowCreatorUserId: match.workflowCreatorUserId,
    versionGraph: match.rawGraph,
    eventPayload,
    organization,
    graph: match.graph,
    event,
  };
}

/** One event's fan-out (the Inngest function's step): the ids of the runs to execute. */
export async function fanOutEvent(db: Database, eventId: string): Promise<string[]> {
  const { started, unfinishedRunIds } = await fanOutEvents(db, [eventId]);
  return [...started.map((loaded) => loaded.run.id), ...unfinishedRunIds];
}
