const unitMs: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "30m", "2h", "1d", "10s", "250ms" or a number of milliseconds → milliseconds. */
export function durationToMs(duration: string | number): number {
  if (typeof duration === "number") return duration;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(duration.trim());
  if (!match) throw new Error(`Unknown duration "${duration}"`);
  return Number(match[1]) * unitMs[match[2]!]!;
}
