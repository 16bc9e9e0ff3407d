import { temporal, type TemporalState } from "zundo";
import { createStore, type StoreApi } from "zustand/vanilla";
import { isEventType, triggerNodeOf, validateGraphWith, type EventType } from "@/engine";
import { storedGraphOf, type EditorGraph } from "./editor-graph";
import { withSelectionOf } from "./graph-operations";
import { indexProblems, type ProblemIndex } from "./problem-index";
import { hasTemplates, loadedTemplateChecker, loadTemplateChecker } from "./template-checker";

/** How many steps undo can go back. */
export const historyLimit = 100;
/** Typing pauses longer than this start a new undo step. */
export const mergeWindowMs = 1_000;

export interface EditorData {
  graph: EditorGraph;
  problems: ProblemIndex;
  /** The trigger's event type: decides which steps fit and which variables templates may use. */
  eventType: EventType | null;
  /** Goes up with every change worth saving (not selection, not measuring). */
  contentVersion: number;
  /** Why the connection being dragged would be refused, shown next to the canvas. */
  connectionHint: string | null;
  readOnly: boolean;
  /** The longest single wait the server's executor can hold (Inngest's free plan: 7 days); null when there is no limit below the editor's own. */
  longestWaitDays: number | null;
}

/** What the editor does to its state; each is a stable function, so taking one subscribes to nothing. */
export interface EditorActions {
  /**
   * A change to what the workflow does: undoable, re-validated, saved. Edits with the same `mergeKey`
   * (typing in one field) within `mergeWindowMs` of each other are one undo step.
   */
  change(update: (graph: EditorGraph) => EditorGraph, options?: { mergeKey?: string }): void;
  /** Selection and measurements: neither undoable nor saved. */
  changeView(update: (graph: EditorGraph) => EditorGraph): void;
  /** Node positions while dragging: saved, but one drag is one undo step (see `beginMove`). */
  move(update: (graph: EditorGraph) => EditorGraph): void;
  beginMove(): void;
  endMove(): void;
  /** Undo and redo bring back the graph, keeping the selection the user has now. */
  undo(): void;
  redo(): void;
  setConnectionHint(hint: string | null): void;
}

export type EditorState = EditorData & EditorActions;

/** What undo remembers: the graph alone (problems and event type follow from it). */
export type EditorHistoryEntry = Pick<EditorState, "graph">;
export type EditorHistory = TemporalState<EditorHistoryEntry>;

export type EditorStore = StoreApi<EditorState> & { temporal: StoreApi<EditorHistory> };

function eventTypeOf(graph: EditorGraph): EventType | null {
  const trigger = triggerNodeOf({ nodes: graph.nodes.map((node) => ({ kind: node.data.kind, config: node.data.config })) });
  const eventType = (trigger?.config as { eventType?: unknown } | undefined)?.eventType;
  return isEventType(eventType) ? eventType : null;
}

function problemsOf(graph: EditorGraph): ProblemIndex {
  return indexProblems(validateGraphWith(storedGraphOf(graph), { mode: "draft", checkTemplate: loadedTemplateChecker() }));
}

function moved(before: EditorGraph, after: EditorGraph): boolean {
  return before.nodes.some((node) => {
    const current = after.nodes.find((candidate) => candidate.id === node.id);
    return current && (current.position.x !== node.position.x || current.position.y !== node.position.y);
  });
}

/**
 * The editor's state: a zustand store whose `temporal` store (zundo) keeps the undo history.
 * Only `change` records history; everything else sets the graph with recording paused.
 */
export function createEditorStore(
  initial: EditorGraph,
  options: { readOnly?: boolean; longestWaitDays?: number | null; now?: () => number } = {},
): EditorStore {
  const now = options.now ?? Date.now;
  // The edit undo would merge the next one into, while it lasts.
  let lastEdit: { mergeKey: string | null; at: number } = { mergeKey: null, at: 0 };
  let beforeMove: EditorGraph | null = null;

  const store = createStore<EditorState>()(
    temporal(
      (set, get) => {
        function untracked(update: () => void) {
          const history = store.temporal.getState();
          history.pause();
          try {
            update();
          } finally {
            history.resume();
          }
        }

        // Template problems follow a moment later, once Liquid's checker has loaded.
        function checkTemplatesOnceLoaded(graph: EditorGraph) {
          if (loadedTemplateChecker() || !hasTemplates(graph)) return;
          // If Liquid can't load, templates stay unchecked here; publishing still checks them on the server.
          loadTemplateChecker().then(
            () => set({ problems: problemsOf(get().graph) }),
            () => undefined,
          );
        }

        /** A new graph and what follows from it, in one update. */
        function withGraph(graph: EditorGraph): Partial<EditorState> {
          checkTemplatesOnceLoaded(graph);
          return { graph, problems: problemsOf(graph), eventType: eventTypeOf(graph), contentVersion: get().contentVersion + 1 };
        }

        // zundo puts the past graph back as it was; the selection the user has now is then kept on it,
        // and its problems follow, before anything renders.
        function restore(step: (history: EditorHistory) => void) {
          const { graph: current, readOnly } = get();
          if (readOnly) return;
          step(store.temporal.getState());
          const restored = get().graph;
          if (restored === current) return;
          lastEdit = { mergeKey: null, at: 0 };
          untracked(() => set(withGraph(withSelectionOf(restored, current))));
        }

        checkTemplatesOnceLoaded(initial);

        return {
          graph: initial,
          problems: problemsOf(initial),
          eventType: eventTypeOf(initial),
          contentVersion: 0,
          connectionHint: null,
          readOnly: options.readOnly ?? false,
          longestWaitDays: options.longestWaitDays ?? null,

          change(update, { mergeKey } = {}) {
            const { graph: current, readOnly } = get();
            if (readOnly) return;
            const graph = update(current);
            if (graph === current) return;
            const at = now();
            const continues =
              mergeKey !== undefined &&
              mergeKey === lastEdit.mergeKey &&
              at - lastEdit.at <= mergeWindowMs &&
              store.temporal.getState().pastStates.length > 0;
            lastEdit = { mergeKey: continues ? lastEdit.mergeKey : (mergeKey ?? null), at };
            if (continues) untracked(() => set(withGraph(graph)));
            else set(withGraph(graph));
          },
          changeView(update) {
            const graph = update(get().graph);
            if (graph !== get().graph) untracked(() => set({ graph }));
          },
          move(update) {
            const { graph: current, readOnly, contentVersion } = get();
            if (readOnly) return;
            const graph = update(current);
            if (graph !== current) untracked(() => set({ graph, contentVersion: contentVersion + 1 }));
          },
          beginMove() {
            beforeMove = get().graph;
          },
          endMove() {
            const before = beforeMove;
            beforeMove = null;
            if (!before || !moved(before, get().graph)) return;
            lastEdit = { mergeKey: null, at: now() };
            store.temporal.setState(({ pastStates }) => ({
              pastStates: [...pastStates, { graph: before }].slice(-historyLimit),
              futureStates: [],
            }));
          },
          undo: () => restore((history) => history.undo()),
          redo: () => restore((history) => history.redo()),
          setConnectionHint(hint) {
            if (hint !== get().connectionHint) set({ connectionHint: hint });
          },
        };
      },
      {
        partialize: (state): EditorHistoryEntry => ({ graph: state.graph }),
        equality: (past, current) => past.graph === current.graph,
        limit: historyLimit,
      },
    ),
  );
  return store;
}
