/**
 * What the Runs page filters and searches on, copied from the event onto the run when it is
 * created: one indexed table to page through instead of a join into the event's JSON.
 */
export function runSearchFieldsOf(event: { type: string; payload: unknown }) {
  const caller = (event.payload as { caller?: { phone_number?: unknown; name?: unknown } | null } | null)?.caller;
  return {
    eventType: event.type,
    callerNumber: typeof caller?.phone_number === "string" ? caller.phone_number : null,
    callerName: typeof caller?.name === "string" && caller.name.trim() ? caller.name.trim() : null,
  };
}
