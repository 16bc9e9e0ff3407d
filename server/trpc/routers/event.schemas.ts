import { z } from "zod";
import { eventTypes } from "@/engine";

export const simulateEventSchema = z.object({
  type: z.enum(eventTypes, { message: "Pick what happened: a missed call, an answered call, a text…" }),
  callerNumber: z.string().trim().min(4, "Enter the caller's phone number, such as +14155550123").max(32).optional(),
  callerName: z.string().trim().max(100).optional(),
  firstCall: z.boolean().optional(),
  durationSeconds: z.number().int().min(0, "Duration cannot be negative").max(86_400).optional(),
  answered: z.boolean().optional(),
  source: z.string().trim().max(100).optional(),
  trackingNumber: z.string().trim().max(32).optional(),
  messageBody: z.string().max(1_600).optional(),
});
