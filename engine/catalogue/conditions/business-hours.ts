import { z } from "zod";
import { eventTypes } from "../../events/event-types";
import { eventOccurredAt } from "../../events/event-schema";
import {
  describeSchedule,
  isValidTimeZone,
  isWithinSchedule,
  officeHours,
  weeklyScheduleSchema,
} from "../../condition-helpers/business-hours";
import { defineCondition, yesNoOutputs } from "../node-definition";

export const businessHoursConfigSchema = z.object({
  mode: z.enum(["inside", "outside"]),
  schedule: weeklyScheduleSchema,
  /** Leave empty to use the organisation's time zone. */
  timezone: z.string().refine(isValidTimeZone, "Pick a time zone from the list").optional(),
  /** When the event happened (the call's start), or when this step runs (after a delay). */
  clock: z.enum(["event", "now"]).default("event"),
});

export type BusinessHoursConfig = z.infer<typeof businessHoursConfigSchema>;

export const businessHours = defineCondition<"condition.business_hours", BusinessHoursConfig>({
  kind: "condition.business_hours",
  category: "condition",
  label: "Business hours",
  description: "Check whether the call came in during your opening hours, in your time zone.",
  icon: "Clock",
  configSchema: businessHoursConfigSchema,
  defaultConfig: () => ({ mode: "inside", schedule: officeHours(), clock: "event" }),
  outputs: yesNoOutputs,
  fitsEventTypes: eventTypes,
  summary: (config) => `${config.mode === "inside" ? "Inside" : "Outside"} business hours (${describeSchedule(config.schedule)})`,
  templateFields: [],
  evaluate: (config, event, ctx) => {
    const instant = config.clock === "now" ? ctx.now : eventOccurredAt(event);
    const zone = config.timezone ?? ctx.org.timezone;
    const inside = isWithinSchedule(instant, config.schedule, zone);
    return { passed: config.mode === "inside" ? inside : !inside, observed: { at: instant.toISOString(), timezone: zone, inside } };
  },
});
