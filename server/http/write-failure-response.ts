import { sqlState } from "@/db/sql-state";
import { jsonError } from "./json-error";

/**
 * SQLSTATE classes that are about the data, not the database's health: 22 (data exception: a NUL
 * in text, an integer or date out of range) and 54 (program limit: JSON nested too deep). The
 * same write fails the same way every time, so asking the sender to retry would loop forever.
 */
const permanentClasses = new Set(["22", "54"]);

/**
 * What the public ingest routes answer when their handler throws. The handlers refuse unstorable
 * input themselves with a message naming the field; this is the net for what they miss: a data
 * error is 422 (never retried), anything else — the database unreachable, a deploy — is 503.
 */
export function writeFailureResponse(error: unknown, retryAdvice: string): Response {
  const state = sqlState(error);
  if (state && permanentClasses.has(state.slice(0, 2))) {
    return jsonError(
      422,
      "unstorable",
      `The body holds a value the database cannot store (SQLSTATE ${state}), so nothing was accepted; retrying the same body will not help.`,
    );
  }
  return jsonError(503, "unavailable", retryAdvice, {}, { "retry-after": "5" });
}
