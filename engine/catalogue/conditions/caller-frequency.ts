import { z } from "zod";
import { eventTypes } from "../../events/event-types";
import { compareNumber, numberOperatorLabels } from "../../condition-helpers/operators";
import { defineCondition, yesNoOutputs } from "../node-definition";

export const callerFrequencyConfigSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("first_time") }),
  z.object({ mode: z.literal("repeat") }),
  z.object({
    mode: z.literal("count"),
    operator: z.enum(["gt", "gte", "lt", "lte", "eq"]),
    count: z.number({ error: "Enter a number of calls" }).int().min(0).max(10_000),
    days: z.number({ error: "Enter a number of days" }).int().min(1, "Use at least 1 day").max(365, "Use at most 365 days"),
  }),
]);

export type CallerFrequencyConfig = z.infer<typeof callerFrequencyConfigSchema>;

const dayMs = 24 * 60 * 60 * 1000;

export const callerFrequency = defineCondition<"condition.caller_frequency", CallerFrequencyConfig>({
  kind: "condition.caller_frequency",
  category: "condition",
  label: "Caller frequency",
  description: "First-time or repeat caller, or how often this number called recently.",
  icon: "Repeat",
  configSchema: callerFrequencyConfigSchema,
  defaultConfig: () => ({ mode: "first_time" }),
  outputs: yesNoOutputs,
  fitsEventTypes: eventTypes,
  summary: (config) => {
    if (config.mode === "first_time") return "First-time caller";
    if (config.mode === "repeat") return "Repeat caller";
    const calls = config.count === 1 ? "call" : "calls";
    const days = config.days === 1 ? "day" : `${config.days} days`;
    return `Called ${numberOperatorLabels[config.operator]} ${config.count} ${calls} in the last ${days}`;
  },
  templateFields: [],
  evaluate: async (config, event, ctx) => {
    const caller = event.caller;
    if (!caller) return { passed: false, observed: null };
    if (config.mode === "first_time") return { passed: caller.first_call, observed: { first_call: caller.first_call } };
    if (config.mode === "repeat") return { passed: !caller.first_call, observed: { first_call: caller.first_call } };
    const since = new Date(ctx.now.getTime() - config.days * dayMs);
    const calls = await ctx.callsFromNumberSince(caller.phone_number, since);
    return { passed: compareNumber(calls, config.operator, config.count), observed: { calls, since: since.toISOString() } };
  },
});
