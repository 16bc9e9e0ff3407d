/**
 * In-process rate limiter (one server process is the embedded default). Counts hits per key
 * within a rolling window and says how long to wait when the limit is reached.
 */
export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }) {
  const hits = new Map<string, number[]>();
  const now = options.now ?? Date.now;

  function verdict(key: string, record: boolean): RateLimitResult {
    const current = now();
    const windowStart = current - options.windowMs;
    const recent = (hits.get(key) ?? []).filter((time) => time > windowStart);
    if (recent.length >= options.limit) {
      hits.set(key, recent);
      const retryAfterMs = recent[0]! + options.windowMs - current;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    }
    if (!record) return { allowed: true };
    recent.push(current);
    hits.set(key, recent);
    if (hits.size > 10_000) {
      for (const [storedKey, times] of hits) if (times.every((time) => time <= windowStart)) hits.delete(storedKey);
    }
    return { allowed: true };
  }

  /** Counts a hit for `key` when allowed; `.peek(key)` answers the same without counting. */
  return Object.assign((key: string) => verdict(key, true), { peek: (key: string) => verdict(key, false) });
}
