export const numberOperators = ["gt", "gte", "lt", "lte", "eq", "between"] as const;
export type NumberOperator = (typeof numberOperators)[number];

export const numberOperatorSymbols: Record<NumberOperator, string> = {
  gt: ">",
  gte: "≥",
  lt: "<",
  lte: "≤",
  eq: "=",
  between: "between",
};

export const numberOperatorLabels: Record<NumberOperator, string> = {
  gt: "more than",
  gte: "at least",
  lt: "less than",
  lte: "at most",
  eq: "exactly",
  between: "between",
};

/** `between` includes both ends: "between 30 and 60" accepts 30 and 60. */
export function compareNumber(actual: number, operator: NumberOperator, value: number, upper?: number): boolean {
  switch (operator) {
    case "gt":
      return actual > value;
    case "gte":
      return actual >= value;
    case "lt":
      return actual < value;
    case "lte":
      return actual <= value;
    case "eq":
      return actual === value;
    case "between":
      return actual >= value && actual <= (upper ?? value);
  }
}

export function normalizeText(value: string): string {
  return value.normalize("NFKC").trim().toLocaleLowerCase("en-US");
}

export function textEquals(a: string, b: string): boolean {
  return normalizeText(a) === normalizeText(b);
}

export function textContains(haystack: string, needle: string): boolean {
  const wanted = normalizeText(needle);
  return wanted.length > 0 && normalizeText(haystack).includes(wanted);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A keyword matches as a whole word ("STOP" is in "stop please", not in "nonstop") unless asked otherwise. */
export function containsKeyword(text: string, keyword: string, wholeWord: boolean): boolean {
  const wanted = normalizeText(keyword);
  if (wanted.length === 0) return false;
  const haystack = normalizeText(text);
  if (!wholeWord) return haystack.includes(wanted);
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(wanted)}($|[^\\p{L}\\p{N}])`, "u").test(haystack);
}

export function includesText(list: readonly string[], value: string): boolean {
  return list.some((item) => textEquals(item, value));
}

export function joinWithOr(items: readonly string[], max = 3): string {
  return joinList(items, "or", max);
}

export function joinWithAnd(items: readonly string[], max = 3): string {
  return joinList(items, "and", max);
}

function joinList(items: readonly string[], word: string, max: number): string {
  if (items.length === 0) return "…";
  if (items.length > max) return `${items.slice(0, max).join(", ")} +${items.length - max} more`;
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}

/** A template as it reads on a node's face: `{{ caller.name | default: "there" }}` becomes `{caller.name}`. */
export function templatePreview(template: string, max: number): string {
  const readable = template.replace(/\{\{-?\s*([^|}\s]+)[^}]*\}\}/g, "{$1}").replace(/\{%-?[^%]*%\}/g, "");
  return truncate(readable, max);
}

export function truncate(value: string, max: number): string {
  const chars = [...value.replace(/\s+/g, " ").trim()];
  return chars.length <= max
    ? chars.join("")
    : `${chars
        .slice(0, max - 1)
        .join("")
        .replace(/[\s,;:.–-]+$/u, "")}…`;
}
