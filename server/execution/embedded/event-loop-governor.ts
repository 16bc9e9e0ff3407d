import { monitorEventLoopDelay } from "node:perf_hooks";

export type GovernorLimits = { min: number; max: number; targetLagMs: number };

/**
 * The executor shares the event loop with request handling. While events are arriving and the
 * loop lags (p99 over the target), fewer runs at once leave room for requests — events are
 * accepted promptly and the backlog drains afterwards; when it is calm, concurrency climbs back.
 */
export function nextConcurrency(current: number, lagP99Ms: number, limits: GovernorLimits, eventsArriving = true): number {
  // With no events arriving there is nobody to make room for: the backlog gets everything.
  if (!eventsArriving) return limits.max;
  if (lagP99Ms > limits.targetLagMs) return Math.max(limits.min, Math.floor(current / 2));
  if (lagP99Ms < limits.targetLagMs / 2) return Math.min(limits.max, current + Math.max(1, Math.ceil(limits.max / 8)));
  return current;
}

/**
 * Samples the loop's delay every `intervalMs` and hands each new concurrency to `apply`.
 * `noteEvent()` marks an event's arrival; an interval without any lets the executor run flat out.
 */
export function startEventLoopGovernor(apply: (concurrency: number) => void, limits: GovernorLimits, intervalMs = 250) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let current = limits.max;
  let arrived = 0;
  const timer = setInterval(() => {
    const next = nextConcurrency(current, delay.percentile(99) / 1e6, limits, arrived > 0);
    delay.reset();
    arrived = 0;
    if (next !== current) apply((current = next));
  }, intervalMs);
  timer.unref?.();
  return {
    noteEvent: () => void (arrived += 1),
    stop() {
      clearInterval(timer);
      delay.disable();
    },
  };
}
