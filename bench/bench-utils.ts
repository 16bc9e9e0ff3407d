import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function directorySize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? directorySize(full) : statSync(full).size;
  }
  return total;
}

/** Median of repeated timings, in microseconds. */
export function medianMicros(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 1000);
}
