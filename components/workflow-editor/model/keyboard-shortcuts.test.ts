import { describe, expect, it } from "vitest";
import { commandForKey } from "./keyboard-shortcuts";

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("keyboard shortcuts", () => {
  it.each([
    [press("s", { ctrlKey: true }), "save"],
    [press("s", { metaKey: true }), "save"],
    [press("z", { ctrlKey: true }), "undo"],
    [press("Z", { metaKey: true, shiftKey: true }), "redo"],
    [press("y", { ctrlKey: true }), "redo"],
    [press("c", { ctrlKey: true }), "copy"],
    [press("v", { metaKey: true }), "paste"],
    [press("d", { ctrlKey: true }), "duplicate"],
    [press("a", { ctrlKey: true }), "selectAll"],
    [press("Delete"), "delete"],
    [press("Backspace"), "delete"],
    [press("a"), null],
    [press("z", { ctrlKey: true, altKey: true }), null],
  ] as const)("%o means %s", (key, command) => {
    expect(commandForKey(key)).toBe(command);
  });
});
