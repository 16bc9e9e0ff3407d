import { z } from "zod";
import { eventTypes } from "../../events/event-types";
import { defineAction, singleOutput } from "../node-definition";

const unitMs = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
const unitSuffix = { minutes: "m", hours: "h", days: "d" } as const;
export const maxDelayDays = 30;

export const delayConfigSchema = z
  .object({
    amount: z.number({ error: "Enter how long to wait" }).int("Use a whole number").min(1, "Wait at least 1"),
    unit: z.enum(["minutes", "hours", "days"]),
  })
  .refine((config) => config.amount * unitMs[config.unit] <= maxDelayDays * unitMs.days, {
    message: `Wait at most ${maxDelayDays} days`,
    path: ["amount"],
  });

export type DelayConfig = z.infer<typeof delayConfigSchema>;

/** How long a delay node waits, in the two forms its users need; the one definition of a wait's length. */
export interface DelayInput {
  /** Inngest-style duration: "30m", "2h", "1d" (what Inngest's `step.sleep` is given). */
  duration: string;
  /** The same, in milliseconds (what wake times are computed from). */
  milliseconds: number;
}

/** Whether a wait runs past `days` (an executor's longest sleep, e.g. Inngest's free plan: 7 days). */
export function delayLongerThanDays(config: Partial<DelayConfig>, days: number): boolean {
  const unit = config.unit && unitMs[config.unit];
  return typeof config.amount === "number" && unit !== undefined && config.amount * unit > days * unitMs.days;
}

export function delayDuration(config: DelayConfig): DelayInput {
  return { duration: `${config.amount}${unitSuffix[config.unit]}`, milliseconds: config.amount * unitMs[config.unit] };
}

export const delay = defineAction<"action.delay", DelayConfig, DelayInput>({
  kind: "action.delay",
  category: "action",
  label: "Wait",
  description: "Pause for some minutes, hours or days, then continue.",
  icon: "Hourglass",
  configSchema: delayConfigSchema,
  defaultConfig: () => ({ amount: 30, unit: "minutes" }),
  outputs: singleOutput,
  fitsEventTypes: eventTypes,
  summary: (config) => `Wait ${config.amount} ${config.amount === 1 ? config.unit.slice(0, -1) : config.unit}`,
  templateFields: [],
  prepare: (config) => delayDuration(config),
});
