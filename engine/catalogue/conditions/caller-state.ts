import { z } from "zod";
import { eventTypes } from "../../events/event-types";
import { includesText, joinWithOr } from "../../condition-helpers/operators";
import { defineCondition, yesNoOutputs } from "../node-definition";

export const callerStateConfigSchema = z.object({
  operator: z.enum(["any_of", "none_of"]),
  states: z.array(z.string().trim().min(1).max(50)).min(1, "Pick at least one state").max(100),
});

export type CallerStateConfig = z.infer<typeof callerStateConfigSchema>;

export const callerState = defineCondition<"condition.caller_state", CallerStateConfig>({
  kind: "condition.caller_state",
  category: "condition",
  label: "Caller state",
  description: "Check which state or region the caller is in.",
  icon: "MapPin",
  configSchema: callerStateConfigSchema,
  defaultConfig: () => ({ operator: "any_of", states: [] }),
  outputs: yesNoOutputs,
  fitsEventTypes: eventTypes,
  summary: (config) => `Caller state is ${config.operator === "none_of" ? "not " : ""}${joinWithOr(config.states)}`,
  templateFields: [],
  evaluate: (config, event) => {
    const state = event.caller?.state ?? null;
    const listed = state !== null && includesText(config.states, state);
    // An unknown state is in none of the listed states.
    return { passed: config.operator === "any_of" ? listed : !listed, observed: state };
  },
});
