"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import { isEventType, triggerNodeOf, validateGraphWith, type EventType } from "@/engine";
import { storedGraphOf, type EditorGraph } from "./editor-graph";
import { withSelectionOf } from "./graph-operations";
import { emptyHistory, recordChange, redo, undo, type History } from "./history";
import { indexProblems, type ProblemIndex } from "./problem-index";
import { hasTemplates, loadedTemplateChecker, loadTemplateChecker } from "./template-checker";

export interface EditorState {
  graph: EditorGraph;
  history: History<EditorGraph>;
  problems: ProblemIndex;
  /** The trigger's event type: decides which steps fit and which variables templates may use. */
  eventType: EventType | null;
  /** Goes up with every change worth saving (not selection, not measuring). */
  contentVersion: number;
  /** Why the connection being dragged would be refused, shown next to the canvas. */
  connectionHint: string | null;
  readOnly: boolean;
}

export interface EditorStore {
  getState(): EditorState;
  subscribe(listener: () => void): () => void;
  /** A change to what the workflow does: undoable, re-validated, saved. */
  change(update: (graph: EditorGraph) => EditorGraph, options?: { mergeKey?: string }): void;
  /** Selection and measurements: neither undoable nor saved. */
  changeView(update: (graph: EditorGraph) => EditorGraph): void;
  /** Node positions while dragging: saved, but one drag is one undo step (see `beginMove`). */
  move(update: (graph: EditorGraph) => EditorGraph): void;
  beginMove(): void;
  endMove(): void;
  undo(): void;
  redo(): void;
  setConnectionHint(hint: string | null): void;
}

function eventTypeOf(graph: EditorGraph): EventType | null {
  const trigger = triggerNodeOf({ nodes: graph.nodes.map((node) => ({ kind: node.data.kind, config: node.data.config })) });
  const eventType = (trigger?.config as { eventType?: unknown } | undefined)?.eventType;
  return isEventType(eventType) ? eventType : null;
}

function problemsOf(graph: EditorGraph): ProblemIndex {
  return indexProblems(validateGraphWith(storedGraphOf(graph), { mode: "draft", checkTemplate: loadedTemplateChecker() }));
}

export function createEditorStore(initial: EditorGraph, options: { readOnly?: boolean; now?: () => number } = {}): EditorStore {
  const now = options.now ?? Date.now;
  let state: EditorState = {
    graph: initial,
    history: emptyHistory(),
    problems: problemsOf(initial),
    eventType: eventTypeOf(initial),
    contentVersion: 0,
    connectionHint: null,
    readOnly: options.readOnly ?? false,
  };
  let beforeMove: EditorGraph | null = null;
  const listeners = new Set<() => void>();

  function set(next: Partial<EditorState>) {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  }

  // Template problems follow a moment later, once Liquid's checker has loaded.
  function checkTemplatesOnceLoaded(graph: EditorGraph) {
    if (loadedTemplateChecker() || !hasTemplates(graph)) return;
    // If Liquid can't load, templates stay unchecked here; publishing still checks them on the server.
    loadTemplateChecker().then(
      () => set({ problems: problemsOf(state.graph) }),
      () => undefined,
    );
  }

  function replaceGraph(graph: EditorGraph, history: History<EditorGraph>) {
    set({ graph, history, problems: problemsOf(graph), eventType: eventTypeOf(graph), contentVersion: state.contentVersion + 1 });
    checkTemplatesOnceLoaded(graph);
  }

  checkTemplatesOnceLoaded(initial);

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change(update, changeOptions = {}) {
      if (state.readOnly) return;
      const graph = update(state.graph);
      if (graph === state.graph) return;
      replaceGraph(graph, recordChange(state.history, state.graph, { mergeKey: changeOptions.mergeKey, now: now() }));
    },
    changeView(update) {
      const graph = update(state.graph);
      if (graph !== state.graph) set({ graph });
    },
    move(update) {
      if (state.readOnly) return;
      const graph = update(state.graph);
      if (graph !== state.graph) set({ graph, contentVersion: state.contentVersion + 1 });
    },
    beginMove() {
      beforeMove = state.graph;
    },
    endMove() {
      if (!beforeMove) return;
      const moved = beforeMove.nodes.some((node) => {
        const current = state.graph.nodes.find((candidate) => candidate.id === node.id);
        return current && (current.position.x !== node.position.x || current.position.y !== node.position.y);
      });
      if (moved) set({ history: recordChange(state.history, beforeMove, { now: now() }) });
      beforeMove = null;
    },
    undo() {
      if (state.readOnly) return;
      const step = undo(state.history, state.graph);
      if (step) replaceGraph(withSelectionOf(step.value, state.graph), step.history);
    },
    redo() {
      if (state.readOnly) return;
      const step = redo(state.history, state.graph);
      if (step) replaceGraph(withSelectionOf(step.value, state.graph), step.history);
    },
    setConnectionHint(hint) {
      if (hint !== state.connectionHint) set({ connectionHint: hint });
    },
  };
}

export const EditorStoreContext = createContext<EditorStore | null>(null);

export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error("useEditorStore must be used inside the workflow editor");
  return store;
}

/** Subscribes to one slice of the editor; the component re-renders only when that slice changes. */
export function useEditorStore<T>(selector: (state: EditorState) => T): T {
  return useEditorStoreOf(useEditorStoreApi(), selector);
}

/** The same, for the component that owns the store (and so sits above its provider). */
export function useEditorStoreOf<T>(store: EditorStore, selector: (state: EditorState) => T): T {
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}
