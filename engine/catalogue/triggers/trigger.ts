import { z } from "zod";
import { eventTypeInfo, eventTypes } from "../../events/event-types";
import { looksLikePhoneNumber } from "../../condition-helpers/phone-numbers";
import { defineTrigger, singleOutput } from "../node-definition";

export const triggerConfigSchema = z.object({
  eventType: z.enum(eventTypes, { error: "Choose what starts this workflow" }),
  trackingNumbers: z
    .array(z.string().refine(looksLikePhoneNumber, "Enter a phone number like +14155550100"))
    .max(100, "Pick at most 100 tracking numbers")
    .default([]),
});

export type TriggerConfig = z.infer<typeof triggerConfigSchema>;

export const trigger = defineTrigger<TriggerConfig>({
  kind: "trigger",
  category: "trigger",
  label: "Trigger",
  description: "What starts this workflow: a call, a text, a form or an AI summary.",
  icon: "Zap",
  configSchema: triggerConfigSchema,
  defaultConfig: () => ({ eventType: "call.missed", trackingNumbers: [] }),
  outputs: singleOutput,
  fitsEventTypes: eventTypes,
  summary: (config) => {
    const label = eventTypeInfo[config.eventType]?.label ?? "Choose a trigger";
    const count = config.trackingNumbers?.length ?? 0;
    if (count === 0) return label;
    return count === 1 ? `${label} on ${config.trackingNumbers[0]}` : `${label} on ${count} numbers`;
  },
  templateFields: [],
});
