import { callStatuses, workflowEventSchema, type CallStatus, type WorkflowEvent } from "@/engine";
import type { calls, trackingNumbers } from "@/db/schema";

export type CallRow = typeof calls.$inferSelect;

function asCallStatus(value: string | null): CallStatus {
  return (callStatuses as readonly string[]).includes(value ?? "") ? (value as CallStatus) : "ringing";
}

/**
 * A call event as the engine reads it, built from the stored call, the tracking number it came in
 * on, and what we know about the caller. Parsed by the engine's schema, so it is always valid.
 */
export function buildCallEvent(input: {
  type: "call.started" | "call.routed" | "call.completed";
  call: CallRow;
  trackingNumber: Pick<typeof trackingNumbers.$inferSelect, "phoneNumber" | "label" | "businessNumber" | "source">;
  caller: { country: string | null; priorCalls: number };
  routing?: { destinationPhoneNumber: string | null; routedAt: Date };
  now?: Date;
}): WorkflowEvent {
  const { call } = input;
  return workflowEventSchema.parse({
    type: input.type,
    id: "pending",
    created_at: (input.now ?? new Date()).toISOString(),
    organization: { id: call.organizationId, name: "" },
    call: {
      id: call.id,
      external_id: call.externalId,
      direction: call.direction,
      status: asCallStatus(call.status),
      answered: call.answered ?? false,
      duration_seconds: call.durationSeconds,
      started_at: call.startedAt.toISOString(),
      ended_at: call.endedAt?.toISOString() ?? null,
      recording_url: call.recordingUrl,
      tags: call.tags,
    },
    caller: {
      phone_number: call.callerNumber ?? "unknown",
      name: call.callerName,
      city: call.callerCity,
      state: call.callerState,
      country: input.caller.country,
      first_call: input.caller.priorCalls === 0,
      prior_calls: input.caller.priorCalls,
    },
    tracking_number: {
      phone_number: input.trackingNumber.phoneNumber,
      label: input.trackingNumber.label,
      business_phone_number: input.trackingNumber.businessNumber,
    },
    attribution: { source: call.source ?? input.trackingNumber.source ?? null },
    ...(input.routing
      ? {
          routing: {
            destination_phone_number: input.routing.destinationPhoneNumber,
            routed_at: input.routing.routedAt.toISOString(),
          },
        }
      : {}),
  });
}
