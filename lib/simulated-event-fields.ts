import { z } from "zod";
import { phoneNumberField } from "./phone-number";

/**
 * "Simulate a call": every field but the event type, checked the same way in the dialog (before
 * anything fires) and on the server. The server adds the event type (server/trpc/routers/event.schemas.ts).
 */
export const simulatedEventFieldsSchema = z.object({
  /** Left out: a fresh fictional number (or the last one, with `reuseLastNumber`). */
  callerNumber: phoneNumberField("caller's number").optional(),
  reuseLastNumber: z.boolean().optional(),
  callerName: z.string().trim().max(100, "Keep the name under 100 characters").optional(),
  firstCall: z.boolean().optional(),
  durationSeconds: z
    .number({ message: "Enter the duration as a whole number of seconds, such as 45" })
    .int("Enter the duration as a whole number of seconds, such as 45")
    .min(0, "The duration cannot be negative")
    .max(86_400, "Keep the duration under a day (86,400 seconds)")
    .optional(),
  answered: z.boolean().optional(),
  source: z.string().trim().max(100, "Keep the source under 100 characters").optional(),
  trackingNumber: phoneNumberField("tracking number").optional(),
  messageBody: z.string().max(1_600, "Keep the message under 1,600 characters").optional(),
});
