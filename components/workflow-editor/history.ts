/**
 * Undo/redo around a live value: `past` holds what came before it, `future` what undo took away.
 * Edits that belong together (typing in one field, one drag) share a merge key and become one step.
 */
export interface History<T> {
  past: T[];
  future: T[];
  lastMergeKey: string | null;
  lastRecordedAt: number;
}

export const historyLimit = 100;
/** Typing pauses longer than this start a new undo step. */
export const mergeWindowMs = 1_000;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], lastMergeKey: null, lastRecordedAt: 0 };
}

/** Records `before` as the state to return to, unless this edit continues the previous one. */
export function recordChange<T>(history: History<T>, before: T, options: { mergeKey?: string; now: number }): History<T> {
  const continues =
    options.mergeKey !== undefined &&
    options.mergeKey === history.lastMergeKey &&
    options.now - history.lastRecordedAt <= mergeWindowMs &&
    history.past.length > 0;
  if (continues) return { ...history, future: [], lastRecordedAt: options.now };
  return {
    past: [...history.past, before].slice(-historyLimit),
    future: [],
    lastMergeKey: options.mergeKey ?? null,
    lastRecordedAt: options.now,
  };
}

export function canUndo(history: History<unknown>): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History<unknown>): boolean {
  return history.future.length > 0;
}

/** Steps back: returns the value to show and the history with `current` kept for redo. */
export function undo<T>(history: History<T>, current: T): { history: History<T>; value: T } | null {
  const value = history.past.at(-1);
  if (value === undefined) return null;
  return {
    value,
    history: { past: history.past.slice(0, -1), future: [current, ...history.future], lastMergeKey: null, lastRecordedAt: 0 },
  };
}

export function redo<T>(history: History<T>, current: T): { history: History<T>; value: T } | null {
  const [value, ...rest] = history.future;
  if (value === undefined) return null;
  return {
    value,
    history: { past: [...history.past, current].slice(-historyLimit), future: rest, lastMergeKey: null, lastRecordedAt: 0 },
  };
}
