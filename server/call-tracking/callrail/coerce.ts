import type { FormFieldValue } from "@/engine";
import { normalizePhoneNumber } from "@/server/sms/phone-number";

/**
 * Webhook senders are loose with types: numbers and booleans arrive as strings ("184", "true"),
 * empty strings mean "not known". Each coercer returns null when it cannot read the value.
 */
export type Coerce<T> = (value: unknown) => T | null;

export const text: Coerce<string> = (value) => {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() ? value.trim().slice(0, 10_000) : null;
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

export const number: Coerce<number> = (value) => {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value.trim().replace(/^\$/, "").replace(/,/g, ""));
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
};

export const count: Coerce<number> = (value) => {
  const parsed = number(value);
  return parsed === null || parsed < 0 ? null : Math.round(parsed);
};

export const datetime: Coerce<string> = (value) => {
  if (typeof value !== "string" && typeof value !== "number") return null;
  if (typeof value === "string" && !value.trim()) return null;
  const date = new Date(typeof value === "number" && value < 1e12 ? value * 1000 : value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** E.164 when it is a real number; otherwise the value as sent (withheld numbers stay readable). */
export const phone: Coerce<string> = (value) => {
  const raw = text(value);
  if (!raw) return null;
  const normalized = normalizePhoneNumber(raw);
  return normalized.ok ? normalized.number : raw.slice(0, 32);
};

/** CallRail tags are strings or `{ name, color }` objects; a comma-separated string also works. */
export const tags: Coerce<string[]> = (value) => {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : null;
  if (!list) return null;
  return list
    .map((tag) => (typeof tag === "object" && tag !== null ? text((tag as { name?: unknown }).name) : text(tag)))
    .filter((tag): tag is string => Boolean(tag))
    .map((tag) => tag.slice(0, 100))
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

/** `form_data` as the engine's form fields: scalars and lists of strings as they are, anything else as JSON. */
export const formFields: Coerce<Record<string, FormFieldValue>> = (value) => {
  let data = value;
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return null;
    }
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const fields: Record<string, FormFieldValue> = {};
  for (const [key, field] of Object.entries(data).slice(0, 200)) {
    const name = key.slice(0, 200);
    if (field === null || typeof field === "number" || typeof field === "boolean") fields[name] = field;
    else if (typeof field === "string") fields[name] = field.slice(0, 10_000);
    else if (Array.isArray(field) && field.every((item) => typeof item === "string")) fields[name] = field as string[];
    else fields[name] = JSON.stringify(field).slice(0, 10_000);
  }
  return fields;
};
