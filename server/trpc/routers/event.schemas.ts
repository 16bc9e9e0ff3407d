import { z } from "zod";
import { eventTypes } from "@/engine";
import { normalizePhoneNumber } from "@/server/phone-numbers/phone-number";

/** A phone number typed in E.164 or US national form, stored in E.164; the reason when it is not one. */
const phoneNumber = (what: string) =>
  z
    .string()
    .trim()
    .max(32, `Keep the ${what} under 32 characters`)
    .transform((value, context) => {
      const normalized = normalizePhoneNumber(value);
      if (normalized.ok) return normalized.number;
      context.addIssue({
        code: "custom",
        message: value
          ? `${normalized.error}. Type it as +1 415 555 0142 or (415) 555-0142.`
          : `Enter the ${what}, such as +1 415 555 0142`,
      });
      return z.NEVER;
    });

export const simulateEventSchema = z.object({
  type: z.enum(eventTypes, { message: "Pick what happened: a missed call, an answered call, a text…" }),
  /** Left out: a fresh fictional number (or the last one, with `reuseLastNumber`). */
  callerNumber: phoneNumber("caller's number").optional(),
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
  trackingNumber: phoneNumber("tracking number").optional(),
  messageBody: z.string().max(1_600, "Keep the message under 1,600 characters").optional(),
});

export type SimulateEventFields = z.input<typeof simulateEventSchema>;
