import { z } from "zod";
import { eventTypes } from "@/engine";
import { testEventChoiceSchema } from "./test-event.schema";
import { workflowIdSchema } from "./workflow.schemas";

export const testRunSchema = workflowIdSchema.extend({
  /** The draft as it is on screen, saved or not. */
  graph: z.unknown(),
  event: testEventChoiceSchema,
  /** Off: actions are rendered and shown, not sent. On: they go out for real. */
  sendForReal: z.boolean().default(false),
});

export const testEventsSchema = workflowIdSchema.extend({ eventType: z.enum(eventTypes) });
