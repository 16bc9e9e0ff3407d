import { eventType } from "inngest";
import { z } from "zod";

/** An event was committed to the `events` table and awaits fan-out. */
export const eventReceived = eventType("switchboard/event.received", { schema: z.object({ eventId: z.string() }) });

/** A workflow run was created and should be walked. */
export const runRequested = eventType("switchboard/run.requested", { schema: z.object({ runId: z.string() }) });
