import { callerNumberFrom } from "@/server/phone-numbers/phone-number";
import type { CallerFacts } from "./call-lifecycle";
import { optional, type TwilioParams } from "./verify-twilio-request";

/** Who is calling, from Twilio's parameters (CallerName needs Twilio's caller-name lookup turned on). */
export function callerFacts(params: TwilioParams): CallerFacts {
  const from = callerNumberFrom(params.From ?? params.Caller);
  return {
    number: from.number,
    valid: from.valid,
    name: optional(params, "CallerName"),
    city: optional(params, "FromCity"),
    state: optional(params, "FromState"),
    country: optional(params, "FromCountry"),
  };
}

export function nonNegativeInt(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : null;
}

/** Twilio's `Timestamp` (RFC 2822), or null. */
export function twilioTimestamp(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
