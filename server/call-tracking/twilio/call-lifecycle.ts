import { and, eq, inArray } from "drizzle-orm";
import { calls, events } from "@/db/schema";
import { acceptEvents } from "@/server/events/accept-events";
import { buildCallEvent, type CallRow } from "@/server/events/call-event";
import { countPriorCalls } from "@/server/events/caller-history";
import { callStages, furthestStage, isBehind, type CallStage } from "../call-stages";
import type { TrackingNumberWithOrg } from "../tracking-number-lookup";
import type { TwilioWebhookDeps } from "./twilio-webhook-deps";

const eventTypeOf = { started: "call.started", routed: "call.routed", completed: "call.completed" } as const;

export function stageKey(callSid: string, stage: CallStage) {
  return `${callSid}:${stage}`;
}

export type CallerFacts = {
  number: string;
  valid: boolean;
  name: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
};

export type StageOutcome =
  | { kind: "recorded"; eventId: string; call: CallRow }
  | { kind: "duplicate"; eventId: string; call: CallRow }
  /** A later stage was already recorded: this callback arrived out of order and would move the call backwards. */
  | { kind: "stale"; call: CallRow };

/**
 * Records one stage of a Twilio call: creates the `calls` row if this is the first we hear of
 * it, applies the stage's changes, and stores the stage's event — all in one transaction, with
 * the call row locked so concurrent callbacks for one call take turns. The event is handed to
 * the executor after commit (acceptEvents). A stage already recorded, or one behind a stage
 * already recorded (call-stages), stores nothing.
 */
export async function recordCallStage(
  deps: TwilioWebhookDeps,
  input: {
    trackingNumber: TrackingNumberWithOrg;
    callSid: string;
    stage: CallStage;
    caller: CallerFacts;
    changes: (call: CallRow) => Partial<typeof calls.$inferInsert>;
    routing?: (call: CallRow) => { destinationPhoneNumber: string | null; routedAt: Date };
  },
): Promise<StageOutcome> {
  const { trackingNumber, callSid, stage, caller } = input;
  const organizationId = trackingNumber.organizationId;
  return acceptEvents(deps, async (record, tx): Promise<StageOutcome> => {
    await tx
      .insert(calls)
      .values({
        organizationId,
        externalId: callSid,
        direction: "inbound",
        callerNumber: caller.number,
        callerName: caller.name,
        callerCity: caller.city,
        callerState: caller.state,
        trackingNumber: trackingNumber.phoneNumber,
        source: trackingNumber.source,
        status: "ringing",
        answered: false,
      })
      .onConflictDoNothing({ target: [calls.organizationId, calls.externalId] });
    const [locked] = await tx
      .select()
      .from(calls)
      .where(and(eq(calls.organizationId, organizationId), eq(calls.externalId, callSid)))
      .for("update");
    const call = locked!;

    const recorded = await tx
      .select({ key: events.idempotencyKey, id: events.id })
      .from(events)
      .where(
        and(
          eq(events.organizationId, organizationId),
          inArray(
            events.idempotencyKey,
            callStages.map((s) => stageKey(callSid, s)),
          ),
        ),
      );
    const same = recorded.find((row) => row.key === stageKey(callSid, stage));
    if (same) return { kind: "duplicate", eventId: same.id, call };
    const furthest = furthestStage(recorded.map((row) => row.key.slice(callSid.length + 1) as CallStage));
    if (isBehind(stage, furthest)) return { kind: "stale", call };

    const [updated] = await tx
      .update(calls)
      .set({
        // Fill in caller facts a later callback may know when the first one did not.
        callerName: call.callerName ?? caller.name,
        callerCity: call.callerCity ?? caller.city,
        callerState: call.callerState ?? caller.state,
        ...input.changes(call),
      })
      .where(eq(calls.id, call.id))
      .returning();
    const priorCalls = await countPriorCalls(tx, {
      organizationId,
      callerNumber: updated!.callerNumber ?? caller.number,
      before: updated!.startedAt,
      excludeCallId: updated!.id,
      validNumber: caller.valid,
    });
    const event = buildCallEvent({
      type: eventTypeOf[stage],
      call: updated!,
      trackingNumber,
      caller: { country: caller.country, priorCalls },
      routing: input.routing?.(updated!),
    });
    const result = await record({
      organization: trackingNumber.organization,
      source: "twilio",
      idempotencyKey: stageKey(callSid, stage),
      event,
      callId: updated!.id,
    });
    return result.duplicate
      ? { kind: "duplicate", eventId: result.eventId, call: updated! }
      : { kind: "recorded", eventId: result.eventId, call: updated! };
  });
}
