import type { FormFieldValue } from "@/engine";
import { isStorableDate, storableDateRange } from "@/server/http/storable-date";
import { findUnstorableValue } from "@/server/http/storable-json";
import { truncateText } from "@/server/http/truncate-text";
import { normalizePhoneNumber } from "@/server/phone-numbers/phone-number";

/**
 * Webhook senders are loose with types: numbers and booleans arrive as strings ("184", "true"),
 * empty strings mean "not known". Each coercer returns null when it cannot read the value.
 */
export type Coerce<T> = (value: unknown) => T | null;

/**
 * A value that was sent but could never be stored (a start time that is no date, a duration past
 * an integer column): the webhook is refused, naming the field, rather than guessed at or dropped.
 */
export class Refused {
  constructor(readonly describe: (field: string) => string) {}
}

/** A coercer for fields where a value that was sent but cannot be stored must be refused. */
export type StrictCoerce<T> = (value: unknown) => T | null | Refused;

/** The largest value of a PostgreSQL integer column (`calls.duration_seconds`). */
export const MAX_INTEGER_COLUMN = 2_147_483_647;

export const text: Coerce<string> = (value) => {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() ? truncateText(value.trim(), 10_000) : null;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
};

export const bool: Coerce<boolean> = (value) => {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (["true", "t", "yes", "y", "1"].includes(word)) return true;
    if (["false", "f", "no", "n", "0"].includes(word)) return false;
  }
  return null;
};

/** A number, a numeric string ("$1,250.50"), or null; ±Infinity when it overflows ("1e400"). */
function numeric(value: unknown): number | null {
  if (typeof value === "number") return Number.isNaN(value) ? null : value;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value.trim().replace(/^\$/, "").replace(/,/g, ""));
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}

export const number: Coerce<number> = (value) => {
  const parsed = numeric(value);
  return parsed !== null && Number.isFinite(parsed) ? parsed : null;
};

/** A whole number for an integer column: beyond its range is refused (retrying cannot make it fit). */
export const count: StrictCoerce<number> = (value) => {
  const parsed = numeric(value);
  if (parsed === null) return null;
  const rounded = Math.round(parsed);
  if (rounded < 0) return new Refused((field) => `The value at "${field}" is negative (it must be 0 to ${MAX_INTEGER_COLUMN}).`);
  if (rounded > MAX_INTEGER_COLUMN) return new Refused((field) => `The value at "${field}" is too large (at most ${MAX_INTEGER_COLUMN}).`);
  // Math.round(-0.2) is -0.
  return rounded === 0 ? 0 : rounded;
};

/**
 * ISO 8601 or Unix time (seconds, or milliseconds from 1e12 on). Absent or empty is null; a value
 * that is no date, or one outside the dates we store, is refused rather than replaced by "now".
 */
export const datetime: StrictCoerce<string> = (value) => {
  if (value === null || value === undefined || (typeof value === "string" && !value.trim())) return null;
  const date =
    typeof value === "number" ? new Date(value < 1e12 ? value * 1000 : value) : typeof value === "string" ? new Date(value.trim()) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return new Refused(
      (field) => `The value at "${field}" is not a date (send ISO 8601, such as "2026-11-21T10:04:05-05:00", or Unix seconds).`,
    );
  }
  if (!isStorableDate(date)) return new Refused((field) => `The date at "${field}" is outside ${storableDateRange}.`);
  return date.toISOString();
};

/** E.164 when it is a real number; otherwise the value as sent (withheld numbers stay readable). */
export const phone: Coerce<string> = (value) => {
  const raw = text(value);
  if (!raw) return null;
  const normalized = normalizePhoneNumber(raw);
  return normalized.ok ? normalized.number : truncateText(raw, 32);
};

/** CallRail tags are strings or `{ name, color }` objects; a comma-separated string also works. */
export const tags: Coerce<string[]> = (value) => {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : null;
  if (!list) return null;
  return list
    .map((tag) => (typeof tag === "object" && tag !== null ? text((tag as { name?: unknown }).name) : text(tag)))
    .filter((tag): tag is string => Boolean(tag))
    .map((tag) => truncateText(tag, 100))
    .slice(0, 100);
};

export const urls: Coerce<string[]> = (value) => {
  const list = Array.isArray(value) ? value : typeof value === "string" && value.trim() ? [value] : null;
  if (!list) return null;
  return list
    .map((item) => (typeof item === "object" && item !== null ? text((item as { url?: unknown }).url) : text(item)))
    .filter((item): item is string => Boolean(item))
    .slice(0, 20);
};

function formFieldValue(field: unknown): FormFieldValue {
  if (field === null || typeof field === "number" || typeof field === "boolean") return field;
  if (typeof field === "string") return truncateText(field, 10_000);
  if (Array.isArray(field) && field.every((item) => typeof item === "string")) return field as string[];
  return truncateText(JSON.stringify(field), 10_000);
}

/**
 * `form_data` as the engine's form fields: scalars and lists of strings as they are, anything else
 * as JSON. Sent as a JSON string, its contents are checked like the body itself.
 */
export const formFields: StrictCoerce<Record<string, FormFieldValue>> = (value) => {
  let data = value;
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return null;
    }
    const parsed = data;
    if (findUnstorableValue(parsed)) return new Refused((field) => findUnstorableValue(parsed, [field])!.message);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  // fromEntries defines keys as they come: a field named "__proto__" stays a field.
  return Object.fromEntries(
    Object.entries(data)
      .slice(0, 200)
      .map(([key, field]) => [truncateText(key, 200), formFieldValue(field)]),
  );
};
