/**
 * How deeply objects and arrays may nest in what a sender posts. Real events nest four or five
 * levels; past a few thousand, JSON.stringify overflows the stack and PostgreSQL's jsonb parser
 * stops with "stack depth limit exceeded" (PGlite misbehaves sooner), so the limit sits far below both.
 */
export const MAX_JSON_DEPTH = 32;

export type UnstorableValue = { path: string; message: string };

/** `caller.name` as a sender would write it; odd characters escaped and long keys shortened, so the message stays readable. */
export function formatJsonPath(path: readonly string[]) {
  return path
    .map((key) => {
      const escaped = JSON.stringify(key).slice(1, -1);
      const characters = Array.from(escaped);
      return characters.length > 40 ? `${characters.slice(0, 40).join("")}…` : escaped;
    })
    .join(".");
}

function where(path: readonly string[]) {
  return path.length > 0 ? `at "${formatJsonPath(path)}"` : "at the top level";
}

/** Why PostgreSQL cannot store this text, or null when it can. */
function textProblem(text: string) {
  if (text.includes("\u0000")) return "contains a NUL character (\\u0000), which cannot be stored";
  if (!text.isWellFormed()) {
    return "contains a lone UTF-16 surrogate (half of a character, \\ud800–\\udfff, without its other half), which cannot be stored";
  }
  return null;
}

/**
 * The first value in parsed JSON that PostgreSQL could never store — a NUL or a lone surrogate in
 * a string or a key, or nesting deeper than MAX_JSON_DEPTH — with where it is, or null when all of
 * it can be stored. Retrying cannot help such a body, so it is refused before anything is written.
 * `path` says where `value` itself sits, for messages about part of a larger body.
 */
export function findUnstorableValue(value: unknown, path: readonly string[] = []): UnstorableValue | null {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? { path: formatJsonPath(path), message: `The text ${where(path)} ${problem}.` } : null;
  }
  if (typeof value !== "object" || value === null) return null;
  // `path` holds one key per object or array around `value`, so this one is level path.length + 1.
  if (path.length >= MAX_JSON_DEPTH) {
    return {
      path: formatJsonPath(path),
      message: `The value ${where(path)} nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep.`,
    };
  }
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = textProblem(key);
    if (keyProblem)
      return { path: formatJsonPath([...path, key]), message: `The key "${formatJsonPath([key])}" ${where(path)} ${keyProblem}.` };
    const found = findUnstorableValue(item, [...path, key]);
    if (found) return found;
  }
  return null;
}
