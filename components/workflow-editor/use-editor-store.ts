"use client";

import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { EditorActions, EditorHistory, EditorState, EditorStore } from "./model/editor-store";

/** The editor store of the canvas below: the draft's in the editor, a version's in its preview. */
export const EditorStoreContext = createContext<EditorStore | null>(null);

export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error("useEditorStore must be used inside the workflow editor");
  return store;
}

/** Subscribes to one slice of the editor; the component re-renders only when that slice changes. */
export function useEditorStore<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}

/** The same for the undo history (whether there is anything to undo or redo). */
export function useEditorHistory<T>(selector: (history: EditorHistory) => T): T {
  return useStore(useEditorStoreApi().temporal, selector);
}

/** The editor's actions (change, undo…), without subscribing: they never change. */
export function useEditorActions(): EditorActions {
  return useEditorStoreApi().getState();
}
