"use client";

import { useEffect } from "react";
import { commandForKey, isTypingTarget, worksWhileTyping, type EditorCommand } from "../model/keyboard-shortcuts";

/**
 * Editor shortcuts on the whole page. Focus in a field, a menu, a dialog or the side panel keeps the
 * browser's own keys there: Delete and Backspace then never remove steps.
 */
export function useEditorShortcuts(run: (command: EditorCommand) => boolean) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const command = commandForKey(event);
      if (!command) return;
      const typing = isTypingTarget(event.target) || isTypingTarget(document.activeElement);
      if (typing && !worksWhileTyping(command)) return;
      // Copying text the user highlighted stays the browser's job.
      if (command === "copy" && window.getSelection()?.toString()) return;
      if (run(command)) event.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [run]);
}
