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

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).closest !== "function") return false;
  const element = target as HTMLElement;
  return Boolean(element.closest("input, textarea, select, [contenteditable='true'], [role='dialog'], [role='menu'], [role='listbox']"));
}
