import { TRPCError } from "@trpc/server";
import { nanoid } from "nanoid";
import { sampleEventWith, type CallDetails, type EventType, type WorkflowEvent } from "@/engine";
import { acceptEvents, type EventIntake } from "./accept-events";

export type SimulateEventInput = {
  type: EventType;
  callerNumber?: string;
  callerName?: string;
  firstCall?: boolean;
  durationSeconds?: number;
  answered?: boolean;
  source?: string;
  trackingNumber?: string;
  messageBody?: string;
};

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
      if (input.answered !== undefined) {
        call.answered = input.answered;
        call.status = input.answered ? "answered" : "no_answer";
      }
      if (input.durationSeconds !== undefined) call.duration_seconds = input.durationSeconds;
      if (!call.answered && input.durationSeconds === undefined) call.duration_seconds = 0;
    }
    if ("message" in event && event.message && input.messageBody !== undefined) {
      (event.message as { body: string }).body = input.messageBody;
    }
  });
}

/** "Simulate a call": the event is stored like any other and handed to the executor. */
export async function acceptSimulatedEvent(intake: EventIntake, organization: { id: string; name: string }, input: SimulateEventInput) {
  let event: WorkflowEvent;
  try {
    event = buildSimulatedEvent(input);
  } catch {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Those details do not make a valid event. Check the phone numbers." });
  }
  const [recorded] = await acceptEvents(intake, [{ organization, source: "simulator", idempotencyKey: event.id, event }]);
  return { eventId: recorded!.eventId };
}
