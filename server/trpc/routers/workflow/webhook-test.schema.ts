import { z } from "zod";
import { testEventChoiceSchema } from "./test-event.schema";
import { workflowIdSchema } from "./workflow.schemas";

export const webhookTestSchema = workflowIdSchema.extend({
  nodeId: z.string().min(1).max(64),
  /** The step's settings as they are on screen; checked by the catalogue's schema. */
  config: z.unknown(),
  event: testEventChoiceSchema,
});

export const webhookTestDeliveriesSchema = workflowIdSchema.extend({ nodeId: z.string().min(1).max(64) });
