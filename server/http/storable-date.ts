/**
 * The dates we store: PostgreSQL refuses year 0 and years past 9999 as JavaScript writes them
 * ("+010000-…"), and reads years below 100 back wrongly; nothing a call tracker sends falls before 1900.
 */
export const EARLIEST_STORABLE_DATE = new Date("1900-01-01T00:00:00.000Z");
export const LATEST_STORABLE_DATE = new Date("9999-12-31T23:59:59.999Z");

/** For messages: "the dates that can be stored (1900-01-01 to 9999-12-31)". */
export const storableDateRange = `the dates that can be stored (${EARLIEST_STORABLE_DATE.toISOString().slice(0, 10)} to ${LATEST_STORABLE_DATE.toISOString().slice(0, 10)})`;

export function isStorableDate(date: Date) {
  const time = date.getTime();
  return time >= EARLIEST_STORABLE_DATE.getTime() && time <= LATEST_STORABLE_DATE.getTime();
}
