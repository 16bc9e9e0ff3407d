import { describe, expect, it } from "vitest";
import { commandForKey, isTypingTarget, keepsKeysAttribute, worksWhileTyping, type ElementLike } from "./keyboard-shortcuts";

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

type FakeElement = ElementLike & { children?: FakeElement[] };

/** A chain of elements from the page down to the one that has focus. */
function focusedIn(...path: Array<{ tag: string; attributes?: Record<string, string>; editable?: boolean }>): ElementLike {
  let parent: ElementLike | null = null;
  for (const step of path) {
    const element: FakeElement = {
      tagName: step.tag.toUpperCase(),
      getAttribute: (name) => step.attributes?.[name] ?? null,
      isContentEditable: step.editable ?? false,
      parentElement: parent,
    };
    parent = element;
  }
  return parent!;
}

const body = { tag: "body" };
const sidePanel = { tag: "aside", attributes: { "aria-label": "Side panel" } };
const canvasNode = { tag: "div", attributes: { class: "react-flow__node", tabindex: "0" } };

describe("Delete and Backspace belong to what has focus", () => {
  it.each([
    ["a number field", focusedIn(body, sidePanel, { tag: "form" }, { tag: "input", attributes: { type: "number" } })],
    ["a text area", focusedIn(body, { tag: "textarea" })],
    ["a native select", focusedIn(body, { tag: "select" })],
    ["editable text", focusedIn(body, { tag: "div", editable: true }, { tag: "span" })],
    ["a contenteditable attribute", focusedIn(body, { tag: "div", attributes: { contenteditable: "plaintext-only" } })],
    ["a select menu's trigger in the side panel", focusedIn(body, sidePanel, { tag: "button", attributes: { role: "combobox" } })],
    ["a checkbox in the side panel", focusedIn(body, sidePanel, { tag: "label" }, { tag: "input", attributes: { type: "checkbox" } })],
    ["a button anywhere in the side panel", focusedIn(body, sidePanel, { tag: "div" }, { tag: "button" })],
    ["an open menu", focusedIn(body, { tag: "div", attributes: { role: "menu" } }, { tag: "div", attributes: { role: "menuitem" } })],
    ["a dialog", focusedIn(body, { tag: "div", attributes: { role: "dialog" } }, { tag: "button" })],
    ["a part marked as keeping its keys", focusedIn(body, { tag: "section", attributes: { [keepsKeysAttribute]: "" } }, { tag: "button" })],
  ])("in %s, the canvas ignores them", (_, element) => {
    expect(isTypingTarget(element)).toBe(true);
    expect(worksWhileTyping("delete")).toBe(false);
  });

  it.each([
    ["the page", focusedIn(body)],
    ["a step on the canvas", focusedIn(body, { tag: "main" }, canvasNode)],
    ["a toolbar button", focusedIn(body, { tag: "header" }, { tag: "button" })],
    ["an aside that is not the side panel", focusedIn(body, { tag: "aside", attributes: { "aria-label": "Steps" } }, { tag: "div" })],
    ["contenteditable switched off", focusedIn(body, { tag: "div", attributes: { contenteditable: "false" } })],
  ])("on %s, they delete the selection", (_, element) => {
    expect(isTypingTarget(element)).toBe(false);
  });

  it("ignores what is not an element", () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({} as EventTarget)).toBe(false);
  });

  it("still saves with Ctrl+S from inside a field", () => {
    expect(worksWhileTyping("save")).toBe(true);
  });
});
