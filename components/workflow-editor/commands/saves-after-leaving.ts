"use client";

import { useSyncExternalStore } from "react";

// Saves still going after their editor was left (a sidebar link clicked while typing). Coming back
// to that workflow waits for them, so it opens the saved draft, never the one from before.
const saving = new Map<string, Promise<unknown>>();
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function trackSaveAfterLeaving(workflowId: string, save: Promise<unknown>): void {
  const settled = save.finally(() => {
    if (saving.get(workflowId) === settled) saving.delete(workflowId);
    notify();
  });
  saving.set(workflowId, settled);
  notify();
}

/** Whether the editor of this workflow, left a moment ago, is still saving it. */
export function useSavingAfterLeaving(workflowId: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => saving.has(workflowId),
    () => false,
  );
}
