"use client";

import { useCallback, useRef } from "react";
import { toast } from "sonner";
import { clipHasTriggerOnly, copySelection, pasteClip, type Clip } from "../model/clipboard";
import type { EditorStore } from "../model/editor-store";
import { hasSelection, removeSelected, selectAll } from "../model/graph-operations";
import type { EditorCommand } from "../model/keyboard-shortcuts";
import { useEditorShortcuts } from "./use-editor-shortcuts";

// Viewers may copy and select; these change the draft.
const editingCommands = new Set<EditorCommand>(["paste", "duplicate", "delete"]);

/**
 * The editor's commands (copy, paste, duplicate, delete, undo…), run from the keyboard anywhere on
 * the page. Returns the ones the side panel offers as buttons too.
 */
export function useEditorCommands({
  store,
  canEdit,
  saveNow,
  paused,
}: {
  store: EditorStore;
  canEdit: boolean;
  saveNow: () => Promise<boolean>;
  /** While a published version is shown instead of the draft, only saving still works. */
  paused: boolean;
}) {
  // The copied steps and how often they were pasted, so repeated pastes fan out.
  const clipboard = useRef<{ clip: Clip; pastes: number } | null>(null);

  const copy = useCallback(() => {
    const { graph } = store.getState();
    if (clipHasTriggerOnly(graph)) {
      toast.info("The trigger can't be copied: a workflow has exactly one.");
      return;
    }
    const clip = copySelection(graph);
    if (clip.nodes.length > 0) clipboard.current = { clip, pastes: 0 };
  }, [store]);

  const paste = useCallback(() => {
    const copied = clipboard.current;
    if (!copied) return;
    copied.pastes += 1;
    store.getState().change((graph) => pasteClip(graph, copied.clip, copied.pastes).graph);
  }, [store]);

  const duplicate = useCallback(() => {
    const { graph, change } = store.getState();
    const clip = copySelection(graph);
    if (clip.nodes.length > 0) change((current) => pasteClip(current, clip).graph);
  }, [store]);

  const remove = useCallback(() => {
    const { graph, change } = store.getState();
    if (hasSelection(graph)) change(removeSelected);
  }, [store]);

  const run = useCallback(
    (command: EditorCommand): boolean => {
      if (paused && command !== "save") return false;
      if (!canEdit && editingCommands.has(command)) return false;
      const { undo, redo, changeView } = store.getState();
      const commands: Record<EditorCommand, () => void> = {
        save: () => void saveNow(),
        undo,
        redo,
        copy,
        paste,
        duplicate,
        delete: remove,
        selectAll: () => changeView(selectAll),
      };
      commands[command]();
      return true;
    },
    [canEdit, copy, duplicate, paste, paused, remove, saveNow, store],
  );
  useEditorShortcuts(run);

  return { duplicate, remove };
}
