import { z } from "zod";
import { workflowIdSchema } from "./workflow.schemas";

export const setAlertsEnabledSchema = workflowIdSchema.extend({ alertsEnabled: z.boolean() });
