import { parsePhoneNumberWithError, ParseError, type CountryCode } from "libphonenumber-js";
import { z } from "zod";

export type NormalizedPhoneNumber = { ok: true; number: string } | { ok: false; error: string };

/**
 * A phone number as people type it ("(415) 555-2671", "+44 20 7946 0958") in E.164
 * ("+14155552671"), or a sentence saying what is wrong with it.
 */
export function normalizePhoneNumber(raw: string, defaultCountry: CountryCode = "US"): NormalizedPhoneNumber {
  const input = raw.trim();
  if (!input) return { ok: false, error: "No phone number was given" };
  try {
    const parsed = parsePhoneNumberWithError(input, defaultCountry);
    if (!parsed.isValid()) {
      const where = parsed.country ?? (parsed.countryCallingCode === "1" ? "US" : `+${parsed.countryCallingCode}`);
      return { ok: false, error: `"${input}" isn't a valid ${where} phone number` };
    }
    return { ok: true, number: parsed.number };
  } catch (error) {
    if (error instanceof ParseError) {
      const reasons: Record<string, string> = {
        NOT_A_NUMBER: "isn't a phone number",
        INVALID_COUNTRY: "has no country code (start it with + and the country code)",
        TOO_SHORT: "is too short to be a phone number",
        TOO_LONG: "is too long to be a phone number",
        INVALID_LENGTH: "has the wrong number of digits",
      };
      return { ok: false, error: `"${input}" ${reasons[error.message] ?? "isn't a valid phone number"}` };
    }
    throw error;
  }
}

/**
 * A form field for a phone number typed in E.164 or US national form: it comes out in E.164, or
 * with a sentence saying what is wrong and how to type it. `what` names the field ("caller's number").
 */
export function phoneNumberField(what: string) {
  return z
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
}
