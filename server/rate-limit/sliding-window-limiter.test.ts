import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./sliding-window-limiter";

describe("rate limiter", () => {
  it("allows up to the limit in a window, then says how long to wait", () => {
    let now = 0;
    const check = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect(check("a")).toEqual({ allowed: true });
    expect(check("a")).toEqual({ allowed: true });
    now = 15_000;
    expect(check("a")).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(check("b")).toEqual({ allowed: true });
    now = 60_001;
    expect(check("a")).toEqual({ allowed: true });
  });

  it("peeks without counting", () => {
    let now = 0;
    const check = createRateLimiter({ limit: 1, windowMs: 60_000, now: () => now });
    expect(check.peek("a")).toEqual({ allowed: true });
    expect(check.peek("a")).toEqual({ allowed: true });
    expect(check("a")).toEqual({ allowed: true });
    now = 10_000;
    expect(check.peek("a")).toEqual({ allowed: false, retryAfterSeconds: 50 });
  });
});
