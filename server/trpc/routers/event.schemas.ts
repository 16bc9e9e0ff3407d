import { z } from "zod";
import { eventTypes } from "@/engine";
import { simulatedEventFieldsSchema } from "@/lib/simulated-event-fields";

export const simulateEventSchema = simulatedEventFieldsSchema.extend({
  type: z.enum(eventTypes, { message: "Pick what happened: a missed call, an answered call, a text…" }),
});

export type SimulateEventFields = z.input<typeof simulateEventSchema>;
