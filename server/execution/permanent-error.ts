/**
 * A step failure that retrying cannot fix (an invalid number, a 4xx from a webhook receiver):
 * executors fail the step at once. Any error with `permanent: true` is treated the same way.
 */
export class PermanentStepError extends Error {
  readonly permanent = true;
  constructor(
    message: string,
    readonly code?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "PermanentStepError";
  }
}

export function isPermanentError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const candidate = error as { permanent?: unknown; name?: unknown };
  return candidate.permanent === true || candidate.name === "NonRetriableError";
}

/** Seconds a provider asked us to wait before retrying (429 Retry-After), if it said. */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  const value = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof value === "number" && value > 0 ? value : undefined;
}
