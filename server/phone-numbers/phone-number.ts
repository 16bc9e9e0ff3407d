import { normalizePhoneNumber } from "@/lib/phone-number";

// Moved to lib/ so forms in the browser check numbers exactly as the server does.
export { normalizePhoneNumber, type NormalizedPhoneNumber } from "@/lib/phone-number";

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
