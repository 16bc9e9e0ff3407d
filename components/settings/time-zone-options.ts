import { DateTime, IANAZone } from "luxon";

export type TimeZoneOption = {
  /** The IANA name stored, e.g. "America/New_York". */
  zone: string;
  /** The place as people say it: "New York", "Buenos Aires, Argentina". */
  city: string;
  /** Where the list groups it: "America", "Europe", … */
  region: string;
  /** "UTC−05:00", with a real minus sign; today's offset, so daylight saving shows. */
  offset: string;
  offsetMinutes: number;
  /** What the search matches: the city, the IANA name, the region and the offset. */
  searchText: string;
};

export type TimeZoneGroup = { region: string; options: TimeZoneOption[] };

const regionNames: Record<string, string> = {
  America: "Americas",
  Etc: "Other",
};

/** UTC first, then the regions people look for most. */
const regionOrder = [
  "UTC",
  "Americas",
  "Europe",
  "Africa",
  "Asia",
  "Australia",
  "Pacific",
  "Atlantic",
  "Indian",
  "Antarctica",
  "Arctic",
  "Other",
];

function readable(part: string) {
  return part.replaceAll("_", " ");
}

export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "\u2212" : "+";
  const minutes = Math.abs(offsetMinutes);
  return `UTC${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function normalize(text: string) {
  return text.toLowerCase().replaceAll("_", " ").replaceAll("\u2212", "-").normalize("NFKD").replace(/\p{M}/gu, "");
}

/** One time zone as the picker shows it; null for a name no browser or luxon knows. */
export function timeZoneOption(zone: string, now: Date = new Date()): TimeZoneOption | null {
  if (!IANAZone.isValidZone(zone)) return null;
  const offsetMinutes = DateTime.fromJSDate(now, { zone }).offset;
  const offset = formatUtcOffset(offsetMinutes);
  const parts = zone.split("/");
  const isUtc = zone === "UTC" || zone === "Etc/UTC";
  const region = isUtc ? "UTC" : parts.length === 1 ? "Other" : (regionNames[parts[0]!] ?? parts[0]!);
  const city = isUtc
    ? "Coordinated Universal Time"
    : parts.length > 2
      ? `${readable(parts.at(-1)!)}, ${readable(parts.slice(1, -1).join(" "))}`
      : readable(parts.at(-1)!);
  return {
    zone,
    city,
    region,
    offset,
    offsetMinutes,
    searchText: normalize(`${city} ${zone} ${region} ${offset} ${isUtc ? "utc gmt" : ""}`),
  };
}

/** "New York (UTC−05:00)". */
export function timeZoneLabel(option: Pick<TimeZoneOption, "city" | "offset">): string {
  return `${option.city} (${option.offset})`;
}

/** The zones this browser knows (plus UTC and `include`, so a saved value is always listed). */
export function supportedTimeZones(include: string[] = []): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", ...known, ...include.filter(Boolean)])];
}

/** Grouped by region in a fixed order; within a region, west to east, then by name. */
export function groupTimeZones(zones: string[], now: Date = new Date()): TimeZoneGroup[] {
  const byRegion = new Map<string, TimeZoneOption[]>();
  for (const zone of zones) {
    const option = timeZoneOption(zone, now);
    if (!option) continue;
    byRegion.set(option.region, [...(byRegion.get(option.region) ?? []), option]);
  }
  const rank = (region: string) => {
    const index = regionOrder.indexOf(region);
    return index === -1 ? regionOrder.length - 1 : index;
  };
  return [...byRegion.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([region, options]) => ({
      region,
      options: options.sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.city.localeCompare(b.city)),
    }));
}

/** How well an option matches what was typed: lower is better, null is no match. */
function matchScore(option: TimeZoneOption, words: string[]): number | null {
  const phrase = words.join(" ");
  const city = normalize(option.city);
  if (city.startsWith(phrase)) return 0;
  if (city.split(/[\s,]+/).some((part) => part.startsWith(words[0]!)) && city.includes(phrase)) return 1;
  if (option.searchText.includes(phrase)) return 2;
  if (words.every((word) => option.searchText.includes(word))) return 3;
  return null;
}

/**
 * The zones whose city, IANA name, region or offset contain what was typed, best matches first
 * ("new y" puts New York at the top), still grouped by region.
 */
export function filterTimeZones(groups: TimeZoneGroup[], query: string): TimeZoneGroup[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups;
  return groups
    .map((group) => {
      const scored = group.options
        .map((option) => ({ option, score: matchScore(option, words) }))
        .filter((entry): entry is { option: TimeZoneOption; score: number } => entry.score !== null)
        .sort((a, b) => a.score - b.score);
      return { group: { ...group, options: scored.map((entry) => entry.option) }, best: scored[0]?.score ?? Infinity };
    })
    .filter((entry) => entry.group.options.length > 0)
    .sort((a, b) => a.best - b.best)
    .map((entry) => entry.group);
}

/** The zone this browser is in, when it is one we can store. */
export function browserTimeZone(): string | null {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && IANAZone.isValidZone(zone) ? zone : null;
  } catch {
    return null;
  }
}
