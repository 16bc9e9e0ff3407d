import { sampleEventWith, type WorkflowEvent } from "@/engine";

/** What tests vary about a call; the rest is the engine's sample call. */
export type CallFixture = { caller?: string; name?: string | null; trackingNumber?: string; source?: string | null };

function withCaller(event: WorkflowEvent, fixture: CallFixture) {
  if (event.caller && fixture.caller !== undefined) event.caller.phone_number = fixture.caller;
  if (event.caller && fixture.name !== undefined) event.caller.name = fixture.name;
  if (event.tracking_number && fixture.trackingNumber !== undefined) event.tracking_number.phone_number = fixture.trackingNumber;
  if (event.attribution && fixture.source !== undefined) event.attribution.source = fixture.source;
}

/** A finished inbound call (`call.completed`): answered when it lasted more than 0 seconds. */
export function completedCall(durationSeconds: number, fixture: CallFixture = {}): WorkflowEvent {
  return sampleEventWith("call.completed", (event) => {
    event.call.direction = "inbound";
    event.call.duration_seconds = durationSeconds;
    event.call.answered = durationSeconds > 0;
    event.call.status = durationSeconds > 0 ? "answered" : "no_answer";
    withCaller(event, fixture);
  });
}

/** A call nobody answered, as the `call.missed` trigger sees it. */
export function missedCall(fixture: CallFixture = {}): WorkflowEvent {
  return sampleEventWith("call.missed", (event) => withCaller(event, fixture));
}
