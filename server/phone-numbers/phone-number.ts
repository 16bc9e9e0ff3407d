import { parsePhoneNumberWithError, ParseError, type CountryCode } from "libphonenumber-js";

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
 * A number as a provider reports it, in E.164 when it is a real phone number. Withheld and
 * unparseable caller ids ("anonymous", "+266696687", "") are kept as sent, or "unknown".
 */
export function callerNumberFrom(raw: string | null | undefined): { number: string; valid: boolean } {
  const value = (raw ?? "").trim();
  if (!value) return { number: "unknown", valid: false };
  const normalized = normalizePhoneNumber(value);
  return normalized.ok ? { number: normalized.number, valid: true } : { number: value.slice(0, 32), valid: false };
}
