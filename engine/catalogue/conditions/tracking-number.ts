import { z } from "zod";
import { trackingNumberEventTypes } from "../../events/event-types";
import { looksLikePhoneNumber, samePhoneNumber } from "../../condition-helpers/phone-numbers";
import { joinWithOr } from "../../condition-helpers/operators";
import { defineCondition, yesNoOutputs } from "../node-definition";

export const trackingNumberConfigSchema = z.object({
  numbers: z
    .array(z.string().refine(looksLikePhoneNumber, "Enter a phone number like +14155550100"))
    .min(1, "Pick at least one tracking number")
    .max(100),
});

export type TrackingNumberConfig = z.infer<typeof trackingNumberConfigSchema>;

export const trackingNumber = defineCondition<"condition.tracking_number", TrackingNumberConfig>({
  kind: "condition.tracking_number",
  category: "condition",
  label: "Tracking number",
  description: "Check which of your tracking numbers was called or texted.",
  icon: "Hash",
  configSchema: trackingNumberConfigSchema,
  defaultConfig: () => ({ numbers: [] }),
  outputs: yesNoOutputs,
  fitsEventTypes: trackingNumberEventTypes,
  summary: (config) => `Tracking number is ${joinWithOr(config.numbers, 2)}`,
  templateFields: [],
  evaluate: (config, event) => {
    const called = event.tracking_number?.phone_number ?? null;
    return { passed: called !== null && config.numbers.some((number) => samePhoneNumber(number, called)), observed: called };
  },
});
