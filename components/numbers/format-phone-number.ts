import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** "+14155550100" → "(415) 555-0100" for US numbers, "+44 20 7946 0018" for others; anything else as given. */
export function formatPhoneNumber(value: string | null | undefined): string {
  if (!value) return "";
  const parsed = parsePhoneNumberFromString(value);
  if (!parsed) return value;
  return parsed.country === "US" || parsed.country === "CA" ? parsed.formatNational() : parsed.formatInternational();
}
