import { eventType } from "inngest";
import { z } from "zod";

/**
 * What every Switchboard event to Inngest carries besides its id: the keys its functions'
 * concurrency and throttle are computed from (Inngest reads them from `event.data`, never from our database).
 */
const fairnessKeys = {
  organizationId: z.string(),
  /** The caller's number, when the event has one. */
  callerNumber: z.string().nullable(),
  /** The number a text from this run is sent from (the tracking number called), else the organization: the SMS throttle's key. */
  smsSender: z.string(),
};

/** An event was committed to the `events` table and awaits fan-out. */
export const eventReceived = eventType("switchboard/event.received", {
  schema: z.object({ eventId: z.string(), ...fairnessKeys }),
});

/** A workflow run was created and should be walked. */
export const runRequested = eventType("switchboard/run.requested", {
  schema: z.object({ runId: z.string(), ...fairnessKeys }),
});

export type FairnessKeys = { organizationId: string; callerNumber: string | null; smsSender: string };

/** The SMS throttle's key: texts go out from the tracking number the caller dialled, or the organization's default sender. */
export function smsSenderKey(organizationId: string, trackingNumber: string | null | undefined): string {
  return trackingNumber ? `number:${trackingNumber}` : `organization:${organizationId}`;
}
