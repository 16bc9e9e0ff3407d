import { z } from "zod";
import { finishedCallEventTypes } from "../../events/event-types";
import { callStatuses, callStatusLabels, eventCall } from "../../events/event-schema";
import { joinWithOr } from "../../condition-helpers/operators";
import { defineCondition, yesNoOutputs } from "../node-definition";

export const callStatusConfigSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("answered") }),
  z.object({ mode: z.literal("missed") }),
  z.object({
    mode: z.literal("status_in"),
    statuses: z.array(z.enum(callStatuses)).min(1, "Pick at least one status"),
  }),
]);

export type CallStatusConfig = z.infer<typeof callStatusConfigSchema>;

export const callStatus = defineCondition<"condition.call_status", CallStatusConfig>({
  kind: "condition.call_status",
  category: "condition",
  label: "Answered / call status",
  description: "Check whether the call was answered or missed, or its exact status.",
  icon: "PhoneMissed",
  configSchema: callStatusConfigSchema,
  defaultConfig: () => ({ mode: "answered" }),
  outputs: yesNoOutputs,
  fitsEventTypes: finishedCallEventTypes,
  summary: (config) => {
    if (config.mode === "answered") return "Call was answered";
    if (config.mode === "missed") return "Call was missed";
    return `Call status is ${joinWithOr(config.statuses.map((status) => callStatusLabels[status].toLowerCase()))}`;
  },
  templateFields: [],
  evaluate: (config, event) => {
    const call = eventCall(event);
    if (!call) return { passed: false, observed: null };
    const observed = { status: call.status, answered: call.answered };
    if (config.mode === "answered") return { passed: call.answered, observed };
    if (config.mode === "missed") return { passed: !call.answered, observed };
    return { passed: config.statuses.includes(call.status), observed };
  },
});
