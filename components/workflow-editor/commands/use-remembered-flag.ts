"use client";

import { useCallback, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
// When the browser keeps nothing (storage blocked), a choice lasts until the page is left.
const fallback = new Map<string, boolean>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function read(key: string, initial: boolean): boolean {
  try {
    const stored = window.localStorage.getItem(key);
    if (stored !== null) return stored === "true";
  } catch {
    // Falls through to the page's memory.
  }
  return fallback.get(key) ?? initial;
}

/** An on/off choice about the editor's layout (the map shown, a panel collapsed), remembered in this browser. */
export function useRememberedFlag(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key, initial),
    () => initial,
  );
  const setValue = useCallback(
    (next: boolean) => {
      fallback.set(key, next);
      try {
        window.localStorage.setItem(key, String(next));
      } catch {
        // Kept in `fallback` instead.
      }
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [value, setValue];
}
