import { isDataException, isDatabaseUnavailable, rootMessage, sqlState } from "@/db/sql-state";
import { jsonError } from "./json-error";

// While the database is away every request fails the same way: say so once per interval, not once per request.
const unavailableLogIntervalMs = 10_000;
const lastUnavailableLog = new Map<string, { at: number; suppressed: number }>();

function logFailure(route: string, error: unknown, now: number) {
  if (!isDatabaseUnavailable(error)) {
    console.error(`[api] ${route} failed`, error);
    return;
  }
  const last = lastUnavailableLog.get(route);
  if (last && now - last.at < unavailableLogIntervalMs) {
    last.suppressed += 1;
    return;
  }
  const more = last?.suppressed ? ` (${last.suppressed} more since the last message)` : "";
  console.error(`[api] ${route} answered 503: the database is unreachable (${rootMessage(error)})${more}`);
  lastUnavailableLog.set(route, { at: now, suppressed: 0 });
}

/**
 * What the public ingest routes answer when their handler throws, logged under `route`. The
 * handlers refuse unstorable input themselves with a message naming the field; this is the net
 * for what they miss: a data error (SQLSTATE class 22 or 54: the same write fails the same way
 * every time) is 422, never retried; anything else — the database unreachable, a deploy — is 503.
 */
export function writeFailureResponse(error: unknown, retryAdvice: string, route = "ingest", now = Date.now()): Response {
  logFailure(route, error, now);
  if (isDataException(error)) {
    return jsonError(
      422,
      "unstorable",
      `The body holds a value the database cannot store (SQLSTATE ${sqlState(error)}), so nothing was accepted; retrying the same body will not help.`,
    );
  }
  return jsonError(503, "unavailable", retryAdvice, {}, { "retry-after": "5" });
}
