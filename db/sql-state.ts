/** The SQLSTATE of a database error, looking through the wrappers (Drizzle puts the driver's error in `cause`). */
export function sqlState(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/** A unique constraint refused the write (SQLSTATE 23505). */
export const isUniqueViolation = (error: unknown) => sqlState(error) === "23505";

/**
 * SQLSTATE classes that are about the data, not the database's health: 22 (data exception: a NUL
 * in text, an integer or date out of range) and 54 (program limit: JSON nested too deep). The
 * same write fails the same way every time, so retrying it would loop forever.
 */
export function isDataException(error: unknown): boolean {
  const state = sqlState(error);
  return state !== null && (state.startsWith("22") || state.startsWith("54"));
}

// The driver's own codes for a connection that could not be made or was lost (postgres.js, Node's net).
const connectionErrorCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/**
 * The database could not be reached or went away mid-query (connection refused or lost, the server
 * shutting down or starting up: SQLSTATE class 08, 57P01–57P03): a later try may well succeed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (connectionErrorCodes.has(code) || code.startsWith("08") || ["57P01", "57P02", "57P03"].includes(code)) return true;
  }
  return false;
}

/** The innermost message of a wrapped database error ("connect ECONNREFUSED 127.0.0.1:5432"), never the query text. */
export function rootMessage(error: unknown): string {
  let current = error;
  for (let depth = 0; depth < 5 && (current as { cause?: unknown } | null)?.cause; depth++) current = (current as { cause: unknown }).cause;
  return current instanceof Error ? current.message.split("\n")[0]!.slice(0, 200) : String(current).slice(0, 200);
}
