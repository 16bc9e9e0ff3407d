import { z } from "zod";
import { finishedCallEventTypes } from "../../events/event-types";
import { eventCall } from "../../events/event-schema";
import { compareNumber, numberOperators, numberOperatorSymbols } from "../../condition-helpers/operators";
import { defineCondition, yesNoOutputs } from "../node-definition";

const seconds = z
  .number({ error: "Enter a number of seconds" })
  .int("Use whole seconds")
  .min(0, "Use 0 or more")
  .max(86_400, "Use at most 24 hours");

export const callDurationConfigSchema = z
  .object({
    operator: z.enum(numberOperators),
    seconds,
    /** Upper bound for `between`, inclusive. */
    maxSeconds: seconds.optional(),
    /** How the form shows the amounts; the stored values are always seconds. */
    unit: z.enum(["seconds", "minutes"]).default("seconds"),
  })
  .refine((config) => config.operator !== "between" || (config.maxSeconds !== undefined && config.maxSeconds >= config.seconds), {
    message: "For “between”, the second amount must be at least the first",
    path: ["maxSeconds"],
  });

export type CallDurationConfig = z.infer<typeof callDurationConfigSchema>;

function amount(value: number, unit: CallDurationConfig["unit"]): string {
  return unit === "minutes" && value % 60 === 0 ? `${value / 60} min` : `${value} s`;
}

export const callDuration = defineCondition<"condition.call_duration", CallDurationConfig>({
  kind: "condition.call_duration",
  category: "condition",
  label: "Call duration",
  description: "Check how long the call lasted.",
  icon: "Timer",
  configSchema: callDurationConfigSchema,
  defaultConfig: () => ({ operator: "gt", seconds: 10, unit: "seconds" }),
  outputs: yesNoOutputs,
  fitsEventTypes: finishedCallEventTypes,
  summary: (config) =>
    config.operator === "between"
      ? `Duration between ${amount(config.seconds, config.unit)} and ${amount(config.maxSeconds ?? config.seconds, config.unit)}`
      : `Duration ${numberOperatorSymbols[config.operator]} ${amount(config.seconds, config.unit)}`,
  templateFields: [],
  evaluate: (config, event) => {
    // A call that never connected has no recorded duration: it lasted 0 seconds.
    const duration = eventCall(event)?.duration_seconds ?? 0;
    return { passed: compareNumber(duration, config.operator, config.seconds, config.maxSeconds), observed: duration };
  },
});
