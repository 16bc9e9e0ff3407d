import type { RateLimitResult } from "./sliding-window-limiter";

/** Per-key token buckets: bursts up to `capacity`, sustained `refillPerSecond`. Constant memory per key. */
export function createTokenBucketLimiter(options: { capacity: number; refillPerSecond: number; now?: () => number }) {
  const buckets = new Map<string, { tokens: number; updatedAt: number }>();
  const now = options.now ?? Date.now;
  return function take(key: string): RateLimitResult {
    const current = now();
    const bucket = buckets.get(key) ?? { tokens: options.capacity, updatedAt: current };
    bucket.tokens = Math.min(options.capacity, bucket.tokens + ((current - bucket.updatedAt) / 1000) * options.refillPerSecond);
    bucket.updatedAt = current;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / options.refillPerSecond)) };
  };
}
