export type EditorCommand = "save" | "undo" | "redo" | "copy" | "paste" | "duplicate" | "delete" | "selectAll";

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Which editor command a key press means, on Windows/Linux (Ctrl) and macOS (Cmd) alike. */
export function commandForKey(press: KeyPress): EditorCommand | null {
  const key = press.key.toLowerCase();
  const mod = press.ctrlKey || press.metaKey;
  if (press.altKey) return null;
  if (!mod) return !press.shiftKey && (key === "delete" || key === "backspace") ? "delete" : null;
  if (key === "s") return "save";
  if (key === "z") return press.shiftKey ? "redo" : "undo";
  if (key === "y" && !press.shiftKey) return "redo";
  if (press.shiftKey) return null;
  if (key === "c") return "copy";
  if (key === "v") return "paste";
  if (key === "d") return "duplicate";
  if (key === "a") return "selectAll";
  return null;
}

/** Commands that still work while typing in a field (the browser handles the rest there). */
export function worksWhileTyping(command: EditorCommand): boolean {
  return command === "save";
}

/** What the shortcut rules need to know of an element (a DOM element has all of it). */
export interface ElementLike {
  tagName: string;
  getAttribute(name: string): string | null;
  isContentEditable?: boolean;
  parentElement: ElementLike | null;
}

/** Marks a part of the page whose keys are its own: Delete and Backspace there never touch the canvas. */
export const keepsKeysAttribute = "data-keeps-keys";

const fieldTags = new Set(["INPUT", "TEXTAREA", "SELECT"]);
// Widgets that use Backspace, Delete or letters themselves, and overlays above the canvas.
const ownKeyRoles = new Set([
  "textbox",
  "searchbox",
  "combobox",
  "spinbutton",
  "slider",
  "listbox",
  "option",
  "menu",
  "menuitem",
  "dialog",
  "alertdialog",
]);

function keepsKeys(element: ElementLike): boolean {
  if (fieldTags.has(element.tagName.toUpperCase())) return true;
  const editable = element.getAttribute("contenteditable");
  if (element.isContentEditable || (editable !== null && editable !== "false")) return true;
  if (ownKeyRoles.has(element.getAttribute("role") ?? "")) return true;
  if (element.getAttribute(keepsKeysAttribute) !== null) return true;
  // The side panel (a step's settings, the problems, the versions) as a whole.
  return element.tagName.toUpperCase() === "ASIDE" && element.getAttribute("aria-label") === "Side panel";
}

/**
 * Whether a key press there belongs to what has focus, not to the canvas: any field, editable text,
 * menu or dialog, and anywhere inside the side panel. Walks up from the element to the page.
 */
export function isTypingTarget(target: EventTarget | ElementLike | null): boolean {
  let element = target && typeof (target as ElementLike).getAttribute === "function" ? (target as ElementLike) : null;
  while (element) {
    if (keepsKeys(element)) return true;
    element = element.parentElement;
  }
  return false;
}
