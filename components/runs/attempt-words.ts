import type { StepAttempt } from "@/db/schema";
import { clockTime } from "./clock-time";

/** How an attempt ended, in a word, and the badge tone for it. */
export const attemptOutcomes: Record<StepAttempt["outcome"], { label: string; tone: "primary" | "success" | "danger" | "warning" }> = {
  in_flight: { label: "In progress", tone: "primary" },
  succeeded: { label: "Succeeded", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  interrupted: { label: "Interrupted", tone: "warning" },
};

/** What followed an attempt: the next one ("retried at …"), one still due ("will retry at …"), or none and why. */
export function afterAttempt(attempt: StepAttempt, next: StepAttempt | undefined): string | null {
  if (next) return `Retried at ${clockTime(next.startedAt)}`;
  if (attempt.outcome !== "failed") return null;
  if (attempt.willRetry) return attempt.retryAt ? `Will retry at ${clockTime(attempt.retryAt)}` : "Will be retried";
  return attempt.error?.permanent ? "Not retried: trying again cannot help" : "Not retried: this was the last attempt";
}

/**
 * A step between attempts or in a later one, said in its timeline line ("waiting to retry at …"),
 * or null when its attempts add nothing to its status.
 */
export function retryState(status: string, attempts: readonly StepAttempt[]): string | null {
  const last = attempts.at(-1);
  if (status !== "running" || !last) return null;
  if (last.outcome === "failed" && last.willRetry) {
    return last.retryAt ? `Waiting to retry at ${clockTime(last.retryAt)}` : "Waiting to retry";
  }
  if (last.outcome === "in_flight" && last.attempt > 1) return `Attempt ${last.attempt} in progress`;
  return null;
}
