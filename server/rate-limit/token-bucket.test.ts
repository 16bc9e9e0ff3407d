import { describe, expect, it } from "vitest";
import { createTokenBucketLimiter } from "./token-bucket";

describe("token bucket", () => {
  it("allows a burst up to capacity, then refills at the sustained rate", () => {
    let now = 0;
    const take = createTokenBucketLimiter({ capacity: 3, refillPerSecond: 1, now: () => now });
    expect([take("k"), take("k"), take("k")].every((result) => result.allowed)).toBe(true);
    expect(take("k")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(take("other").allowed).toBe(true);
    now = 1_000;
    expect(take("k").allowed).toBe(true);
    expect(take("k").allowed).toBe(false);
  });
});
