/**
 * What a failed action attempt was sending (a text's to and from…), kept beside the error it
 * threw so the attempt record can say it without changing the error itself: its name, code and
 * `permanent` flag decide retries, and Inngest serialises it.
 */
const requests = new WeakMap<object, Record<string, unknown>>();

export function noteAttemptRequest<E>(error: E, request: Record<string, unknown>): E {
  if (error !== null && typeof error === "object") requests.set(error, request);
  return error;
}

export function attemptRequestOf(error: unknown): Record<string, unknown> | undefined {
  return error !== null && typeof error === "object" ? requests.get(error) : undefined;
}
