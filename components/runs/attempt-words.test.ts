import { describe, expect, it } from "vitest";
import type { StepAttempt } from "@/db/schema";
import { afterAttempt, retryState } from "./attempt-words";
import { clockTime } from "./clock-time";

const at = (seconds: number) => new Date(Date.parse("2026-11-22T15:00:00.000Z") + seconds * 1000).toISOString();
const attempt = (number: number, values: Partial<StepAttempt>): StepAttempt => ({
  attempt: number,
  startedAt: at(number),
  finishedAt: null,
  durationMs: null,
  outcome: "in_flight",
  ...values,
});

describe("attempt words", () => {
  const failedThenRetried = attempt(1, { outcome: "failed", willRetry: true, retryAt: at(2) });

  it("say when a failed attempt was retried, or when it will be", () => {
    expect(afterAttempt(failedThenRetried, attempt(2, { startedAt: at(3) }))).toBe(`Retried at ${clockTime(at(3))}`);
    expect(afterAttempt(failedThenRetried, undefined)).toBe(`Will retry at ${clockTime(at(2))}`);
    expect(afterAttempt(attempt(1, { outcome: "failed", willRetry: true, retryAt: null }), undefined)).toBe("Will be retried");
  });

  it("say why a failed attempt was the last", () => {
    const refused = attempt(1, { outcome: "failed", willRetry: false, error: { message: "410", permanent: true } });
    const exhausted = attempt(4, { outcome: "failed", willRetry: false, error: { message: "500", permanent: false } });
    expect(afterAttempt(refused, undefined)).toBe("Not retried: trying again cannot help");
    expect(afterAttempt(exhausted, undefined)).toBe("Not retried: this was the last attempt");
    expect(afterAttempt(attempt(1, { outcome: "succeeded" }), undefined)).toBeNull();
  });

  it("tell a running step waiting for its next attempt, or in a later one", () => {
    expect(retryState("running", [failedThenRetried])).toBe(`Waiting to retry at ${clockTime(at(2))}`);
    expect(retryState("running", [failedThenRetried, attempt(2, {})])).toBe("Attempt 2 in progress");
    expect(retryState("running", [attempt(1, {})])).toBeNull();
    expect(retryState("failed", [attempt(1, { outcome: "failed", willRetry: false })])).toBeNull();
    expect(retryState("running", [])).toBeNull();
  });
});
