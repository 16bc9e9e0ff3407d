import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { newId } from "@/db/ids";
import { events } from "@/db/schema";
import { workflowEventSchema, type WorkflowEvent } from "@/engine";

/** What a test runs on: an edited sample event, or one of the organization's real events. */
export type TestEventChoice = { source: "sample"; payload: unknown } | { source: "recent"; eventId: string };

/** The event cannot be used; the message says what to fix, field by field. */
export class TestEventError extends Error {
  constructor(
    message: string,
    readonly reason: "invalid" | "not_found",
  ) {
    super(message);
    this.name = "TestEventError";
  }
}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const lines = issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message));
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
  return `This event does not fit the event format — ${lines.join("; ")}${more}`;
}

/** Checks a sample event against the event schema without storing anything. */
export function parseSampleEvent(payload: unknown): WorkflowEvent {
  const parsed = workflowEventSchema.safeParse(payload);
  if (!parsed.success) throw new TestEventError(describeIssues(parsed.error.issues), "invalid");
  return parsed.data;
}

/**
 * The stored event a test run points at. A sample is stored with source "test" and already marked
 * dispatched, so no fan-out or sweep ever starts live runs from it; a real event is only looked up.
 */
export async function eventForTestRun(db: Queryable, organization: { id: string; name: string }, choice: TestEventChoice): Promise<string> {
  if (choice.source === "recent") {
    const [event] = await db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.id, choice.eventId), eq(events.organizationId, organization.id)))
      .limit(1);
    if (!event) throw new TestEventError("That event was not found.", "not_found");
    return event.id;
  }
  const sample = parseSampleEvent(choice.payload);
  const eventId = newId("evt");
  const payload: WorkflowEvent = { ...sample, id: eventId, organization: { id: organization.id, name: organization.name } };
  const now = new Date();
  await db.insert(events).values({
    id: eventId,
    organizationId: organization.id,
    type: payload.type,
    source: "test",
    idempotencyKey: `test:${eventId}`,
    payload,
    dispatchState: "dispatched",
    dispatchedAt: now,
    receivedAt: now,
  });
  return eventId;
}
