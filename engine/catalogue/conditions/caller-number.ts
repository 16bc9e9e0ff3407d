import { z } from "zod";
import { eventTypes } from "../../events/event-types";
import { looksLikePhonePrefix, phoneStartsWith, samePhoneNumber } from "../../condition-helpers/phone-numbers";
import { defineCondition, yesNoOutputs } from "../node-definition";

export const callerNumberConfigSchema = z.object({
  operator: z.enum(["equals", "starts_with"]),
  value: z.string().trim().refine(looksLikePhonePrefix, "Enter a number or prefix with its country code, like +1415"),
});

export type CallerNumberConfig = z.infer<typeof callerNumberConfigSchema>;

export const callerNumber = defineCondition<"condition.caller_number", CallerNumberConfig>({
  kind: "condition.caller_number",
  category: "condition",
  label: "Caller number",
  description: "Check the caller's phone number, or how it starts (country or area code).",
  icon: "Phone",
  configSchema: callerNumberConfigSchema,
  defaultConfig: () => ({ operator: "starts_with", value: "+1" }),
  outputs: yesNoOutputs,
  fitsEventTypes: eventTypes,
  summary: (config) => `Caller number ${config.operator === "equals" ? "is" : "starts with"} ${config.value}`,
  templateFields: [],
  evaluate: (config, event) => {
    const number = event.caller?.phone_number ?? null;
    if (number === null) return { passed: false, observed: null };
    const passed = config.operator === "equals" ? samePhoneNumber(number, config.value) : phoneStartsWith(number, config.value);
    return { passed, observed: number };
  },
});
