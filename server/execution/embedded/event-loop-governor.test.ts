import { describe, expect, it } from "vitest";
import { nextConcurrency } from "./event-loop-governor";
import { createWorkQueue } from "./work-queue";

const limits = { min: 2, max: 64, targetLagMs: 20 };

describe("event-loop governor", () => {
  it("halves the executor's concurrency while the loop lags, never below the minimum", () => {
    expect(nextConcurrency(64, 45, limits)).toBe(32);
    expect(nextConcurrency(3, 45, limits)).toBe(2);
    expect(nextConcurrency(2, 200, limits)).toBe(2);
  });

  it("holds it near the target and climbs back in steps when the loop is calm, never above the maximum", () => {
    expect(nextConcurrency(16, 15, limits)).toBe(16);
    expect(nextConcurrency(16, 2, limits)).toBe(24);
    expect(nextConcurrency(60, 2, limits)).toBe(64);
  });

  it("gives the backlog full concurrency as soon as no events are arriving, however busy the loop", () => {
    expect(nextConcurrency(2, 80, limits, false)).toBe(64);
  });

  it("a queue given more room starts waiting jobs at once, and one given less lets running jobs finish", async () => {
    const queue = createWorkQueue(1, () => {});
    const started: string[] = [];
    const releases: Array<() => void> = [];
    const job = (name: string) => () =>
      new Promise<void>((resolve) => {
        started.push(name);
        releases.push(resolve);
      });
    queue.push("a", job("a"));
    queue.push("b", job("b"));
    queue.push("c", job("c"));
    expect(started).toEqual(["a"]);
    queue.setConcurrency(2);
    expect(started).toEqual(["a", "b"]);
    queue.setConcurrency(1);
    releases[0]!();
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual(["a", "b"]);
    releases[1]!();
    await expect.poll(() => started).toEqual(["a", "b", "c"]);
    releases[2]!();
    await queue.idle();
  });
});
