import { describe, expect, it } from "vitest";
import { canRedo, canUndo, emptyHistory, historyLimit, mergeWindowMs, recordChange, redo, undo } from "./history";

describe("history", () => {
  it("undoes and redoes in order", () => {
    let history = recordChange(emptyHistory<number>(), 1, { now: 0 });
    history = recordChange(history, 2, { now: 10_000 });
    const first = undo(history, 3)!;
    expect(first.value).toBe(2);
    const second = undo(first.history, first.value)!;
    expect(second.value).toBe(1);
    expect(canUndo(second.history)).toBe(false);
    const again = redo(second.history, second.value)!;
    expect(again.value).toBe(2);
    expect(redo(again.history, again.value)!.value).toBe(3);
  });

  it("merges edits with the same key made in quick succession", () => {
    let history = recordChange(emptyHistory<string>(), "", { mergeKey: "sms.body", now: 0 });
    history = recordChange(history, "H", { mergeKey: "sms.body", now: mergeWindowMs / 2 });
    expect(history.past).toEqual([""]);
    history = recordChange(history, "Hi", { mergeKey: "sms.body", now: mergeWindowMs * 3 });
    expect(history.past).toEqual(["", "Hi"]);
  });

  it("forgets the redo path after a new edit and caps its length", () => {
    let history = recordChange(emptyHistory<number>(), 0, { now: 0 });
    const undone = undo(history, 1)!;
    expect(canRedo(undone.history)).toBe(true);
    expect(canRedo(recordChange(undone.history, 0, { now: 5 }))).toBe(false);
    for (let i = 0; i < historyLimit + 20; i++) history = recordChange(history, i, { now: i * 10_000 });
    expect(history.past).toHaveLength(historyLimit);
    expect(undo(emptyHistory<number>(), 1)).toBeNull();
  });
});
