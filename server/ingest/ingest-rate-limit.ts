import { createTokenBucketLimiter } from "../rate-limit/token-bucket";

/** Per API key: bursts of 2,000, sustained 1,000 requests a second. */
export const ingestRateLimit = createTokenBucketLimiter({ capacity: 2_000, refillPerSecond: 1_000 });
