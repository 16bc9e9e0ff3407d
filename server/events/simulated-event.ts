import { nanoid } from "nanoid";
import { z } from "zod";
import { eventTypes, sampleEventWith, type CallDetails, type WorkflowEvent } from "@/engine";

export const simulateEventSchema = z.object({
  type: z.enum(eventTypes, { message: "Pick what happened: a missed call, an answered call, a text…" }),
  callerNumber: z.string().trim().min(4, "Enter the caller's phone number, such as +14155550123").max(32).optional(),
  callerName: z.string().trim().max(100).optional(),
  firstCall: z.boolean().optional(),
  durationSeconds: z.number().int().min(0, "Duration cannot be negative").max(86_400).optional(),
  answered: z.boolean().optional(),
  source: z.string().trim().max(100).optional(),
  trackingNumber: z.string().trim().max(32).optional(),
  messageBody: z.string().max(1_600).optional(),
});

export type SimulateEventInput = z.infer<typeof simulateEventSchema>;

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
