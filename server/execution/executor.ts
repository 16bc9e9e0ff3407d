/** Hands committed events to whatever runs workflows: the embedded executor or Inngest. */
export interface Executor {
  /** Called only after the event is committed; must not throw for a slow or absent backend (the sweep retries). */
  dispatchEvent(eventId: string): Promise<void>;
}
