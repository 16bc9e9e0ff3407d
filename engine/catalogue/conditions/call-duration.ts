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
    /** Upper bound for `between`, inclusive; ignored (and not checked) for the other comparisons. */
    maxSeconds: z.unknown().optional(),
    /** How the form shows the amounts; the stored values are always seconds. */
    unit: z.enum(["seconds", "minutes"]).default("seconds"),
  })
  .transform((config, ctx) => {
    if (config.operator !== "between")
      return { operator: config.operator, seconds: config.seconds, unit: config.unit } as CallDurationConfig;
    const maxSeconds = seconds.safeParse(config.maxSeconds);
    if (!maxSeconds.success) {
      for (const issue of maxSeconds.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: ["maxSeconds"] });
      return z.NEVER;
    }
    if (maxSeconds.data < config.seconds) {
      ctx.addIssue({ code: "custom", message: "For “between”, the second amount must be at least the first", path: ["maxSeconds"] });
      return z.NEVER;
    }
    return { ...config, maxSeconds: maxSeconds.data } as CallDurationConfig;
  });

export interface CallDurationConfig {
  operator: (typeof numberOperators)[number];
  seconds: number;
  /** Upper bound for `between`, inclusive. */
  maxSeconds?: number;
  /** How the form shows the amounts; the stored values are always seconds. */
  unit: "seconds" | "minutes";
}

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
