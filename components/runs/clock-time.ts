const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** A moment of a run, to the second ("15:04:05"): steps and their attempts are seconds apart. */
export function clockTime(at: Date | string): string {
  return timeFormat.format(typeof at === "string" ? new Date(at) : at);
}
