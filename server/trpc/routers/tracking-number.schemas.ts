import { z } from "zod";
import { normalizePhoneNumber } from "@/server/phone-numbers/phone-number";

/** A phone number as people type it, stored in E.164; a readable sentence when it isn't one. */
const phoneNumber = (what: string) =>
  z
    .string({ message: `Enter the ${what}, such as +14155550100` })
    .trim()
    .max(40, `The ${what} is too long`)
    .transform((value, ctx) => {
      const normalized = normalizePhoneNumber(value);
      if (!normalized.ok) {
        ctx.addIssue({ code: "custom", message: `${normalized.error} — enter the ${what} with its country code, such as +14155550100` });
        return z.NEVER;
      }
      return normalized.number;
    });

const label = z
  .string()
  .trim()
  .min(1, "Give the number a label people recognise, such as “Spring mailer”")
  .max(100, "Keep the label under 100 characters");
const source = z
  .string()
  .trim()
  .max(100, "Keep the source under 100 characters")
  .transform((value) => value || null);

export const createTrackingNumberSchema = z.object({
  phoneNumber: phoneNumber("tracking number"),
  label,
  source: source.nullish().transform((value) => value ?? null),
  businessNumber: phoneNumber("business number calls are forwarded to"),
  defaultSmsSender: z.boolean().default(false),
});

export const updateTrackingNumberSchema = z.object({
  trackingNumberId: z.string().min(1),
  phoneNumber: phoneNumber("tracking number").optional(),
  label: label.optional(),
  source: source.nullish(),
  businessNumber: phoneNumber("business number calls are forwarded to").optional(),
  defaultSmsSender: z.boolean().optional(),
});

export const trackingNumberIdSchema = z.object({ trackingNumberId: z.string().min(1) });
