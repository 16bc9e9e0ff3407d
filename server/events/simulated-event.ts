import { TRPCError } from "@trpc/server";
import { and, desc, eq, sql } from "drizzle-orm";
import { nanoid } from "nanoid";
import type { Queryable } from "@/db/client";
import { calls, events } from "@/db/schema";
import { sampleEventWith, type CallDetails, type EventType, type WorkflowEvent } from "@/engine";
import { findOrgTrackingNumber } from "../call-tracking/tracking-number-lookup";
import { acceptEvents, type EventIntake } from "./accept-events";

export type SimulateEventInput = {
  type: EventType;
  /** Left out: a fresh fictional number, or the last simulated caller's with `reuseLastNumber`. */
  callerNumber?: string;
  reuseLastNumber?: boolean;
  callerName?: string;
  firstCall?: boolean;
  durationSeconds?: number;
  answered?: boolean;
  source?: string;
  trackingNumber?: string;
  messageBody?: string;
};

/**
 * A caller number no real person has: 555-0100…0199 are set aside for fiction in North America.
 * Never the number `avoid` (the last one used), so back-to-back simulations look like two callers
 * and do not run into the daily text cap for one number.
 */
export function fictionalCallerNumber(avoid?: string | null, random: () => number = Math.random): string {
  for (;;) {
    const number = `+1415555${String(101 + Math.floor(random() * 99)).padStart(4, "0")}`;
    if (number !== avoid) return number;
  }
}

/** The caller number of the workspace's newest simulated event, if any. */
export async function lastSimulatedCallerNumber(db: Queryable, organizationId: string): Promise<string | null> {
  const [row] = await db
    .select({ number: sql<string | null>`${events.payload} -> 'caller' ->> 'phone_number'` })
    .from(events)
    .where(and(eq(events.organizationId, organizationId), eq(events.source, "simulator")))
    .orderBy(desc(events.receivedAt), desc(events.id))
    .limit(1);
  return row?.number ?? null;
}

/** A realistic event of the chosen type (the engine's sample) with the fields the person edited. */
export function buildSimulatedEvent(input: SimulateEventInput, now = new Date()): WorkflowEvent {
  return sampleEventWith(input.type, (draft) => {
    const event = draft as WorkflowEvent & Record<string, unknown>;
    event.id = `sim_${nanoid(16)}`;
    event.created_at = now.toISOString();
    if (event.caller && input.callerNumber) event.caller.phone_number = input.callerNumber;
    if (event.caller && input.callerName !== undefined) event.caller.name = input.callerName || null;
    if (event.caller && input.firstCall !== undefined) {
      event.caller.first_call = input.firstCall;
      event.caller.prior_calls = input.firstCall ? 0 : Math.max(1, event.caller.prior_calls);
    }
    if (event.tracking_number && input.trackingNumber) event.tracking_number.phone_number = input.trackingNumber;
    if (input.source !== undefined && event.attribution) event.attribution.source = input.source || null;
    if ("call" in event && event.call) {
      const call = event.call as CallDetails;
      call.id = `call_sim_${nanoid(10)}`;
      // A pretend call has no provider id and no recording to listen to.
      call.external_id = null;
      call.recording_url = null;
      if (input.answered !== undefined) {
        call.answered = input.answered;
        call.status = input.answered ? "answered" : "no_answer";
      }
      if (input.durationSeconds !== undefined) call.duration_seconds = input.durationSeconds;
      if (!call.answered && input.durationSeconds === undefined) call.duration_seconds = 0;
      // It happened just now: it ended now (unless still going) and began its duration earlier.
      const stillGoing = call.ended_at === null;
      call.started_at = new Date(now.getTime() - (stillGoing ? 0 : (call.duration_seconds ?? 0)) * 1000).toISOString();
      call.ended_at = stillGoing ? null : now.toISOString();
    }
    if ("message" in event && event.message && input.messageBody !== undefined) {
      (event.message as { body: string }).body = input.messageBody;
    }
  });
}

/**
 * "Simulate a call": the event is stored like any other and handed to the executor. A call event
 * also stores its call, marked simulated, so it is listed on Calls like a real one (and its runs
 * are linked from there) — see `calls.simulated` for what it is left out of.
 */
export async function acceptSimulatedEvent(intake: EventIntake, organization: { id: string; name: string }, input: SimulateEventInput) {
  const lastNumber = input.callerNumber ? null : await lastSimulatedCallerNumber(intake.db, organization.id);
  const callerNumber = input.callerNumber ?? (input.reuseLastNumber && lastNumber ? lastNumber : fictionalCallerNumber(lastNumber));
  let event: WorkflowEvent;
  try {
    event = buildSimulatedEvent({ ...input, callerNumber });
  } catch {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Those details do not make a valid event. Check the phone numbers." });
  }

  return acceptEvents(intake, async (record, tx) => {
    let callId: string | null = null;
    if ("call" in event && event.call) {
      const known = event.tracking_number ? await findOrgTrackingNumber(tx, organization.id, event.tracking_number.phone_number) : null;
      if (known && event.tracking_number) {
        event.tracking_number.label = known.label;
        event.tracking_number.business_phone_number = known.businessNumber;
      }
      const call = event.call;
      const [row] = await tx
        .insert(calls)
        .values({
          organizationId: organization.id,
          direction: call.direction,
          callerNumber: event.caller?.phone_number ?? null,
          callerName: event.caller?.name ?? null,
          callerCity: event.caller?.city ?? null,
          callerState: event.caller?.state ?? null,
          trackingNumber: event.tracking_number?.phone_number ?? null,
          source: event.attribution?.source ?? known?.source ?? null,
          status: call.status,
          answered: call.answered,
          durationSeconds: call.duration_seconds,
          startedAt: new Date(call.started_at),
          endedAt: call.ended_at ? new Date(call.ended_at) : null,
          tags: call.tags,
          simulated: true,
        })
        .returning({ id: calls.id });
      callId = row!.id;
      call.id = callId;
    }
    const recorded = await record({ organization, source: "simulator", idempotencyKey: event.id, event, callId });
    return { eventId: recorded.eventId, callId, callerNumber };
  });
}
