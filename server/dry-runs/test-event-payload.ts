import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { events } from "@/db/schema";
import { workflowEventSchema, type WorkflowEvent } from "@/engine";
import { parseSampleEvent, TestEventError } from "./test-event-choice";
import type { TestEventChoiceInput } from "@/server/trpc/routers/workflow.schemas";

/** The chosen event's JSON without storing anything: a sample checked against the format, or a real event of this organization. */
export async function testEventPayload(db: Queryable, organizationId: string, choice: TestEventChoiceInput): Promise<WorkflowEvent> {
  if (choice.source === "sample") {
    try {
      return parseSampleEvent(choice.payload);
    } catch (error) {
      if (error instanceof TestEventError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
      throw error;
    }
  }
  const [event] = await db
    .select({ payload: events.payload })
    .from(events)
    .where(and(eq(events.id, choice.eventId), eq(events.organizationId, organizationId)))
    .limit(1);
  if (!event) throw new TRPCError({ code: "NOT_FOUND", message: "That event was not found." });
  return workflowEventSchema.parse(event.payload);
}
