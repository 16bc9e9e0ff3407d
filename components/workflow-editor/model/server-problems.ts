import { useStore } from "zustand";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { ValidationError } from "@/engine";
import type { EditorGraph } from "./editor-graph";

// What only the server can find before publishing: a webhook address that leads somewhere it may not
// (a private network, a host that doesn't resolve). Kept per editor, shown in the step's settings and
// the problems list until the address is changed.

type ServerProblems = { problems: ValidationError[] };
const stores = new WeakMap<object, StoreApi<ServerProblems>>();

export function serverProblemsOf(editor: object): StoreApi<ServerProblems> {
  let store = stores.get(editor);
  if (!store) {
    store = createStore<ServerProblems>(() => ({ problems: [] }));
    stores.set(editor, store);
  }
  return store;
}

/** Keeps the server's findings the editor can't make itself. */
export function setServerProblems(editor: object, problems: readonly ValidationError[]): void {
  serverProblemsOf(editor).setState({ problems: problems.filter((problem) => problem.code === "webhook_url_refused") });
}

const refusedUrl = (problem: ValidationError) => problem.message.slice(0, problem.message.indexOf(": "));

/** The server's findings that still apply: a refused address the user has since changed or removed is gone. */
export function stillCurrent(problems: readonly ValidationError[], graph: EditorGraph): ValidationError[] {
  return problems.filter((problem) => {
    const node = graph.nodes.find((candidate) => candidate.id === problem.nodeId);
    const urls = (node?.data.config as { urls?: unknown } | undefined)?.urls;
    return Array.isArray(urls) && urls.some((url) => typeof url === "string" && url.trim() === refusedUrl(problem));
  });
}

/** The server's findings for the editor above, as they apply to its graph now. */
export function useServerProblems(editor: StoreApi<{ graph: EditorGraph }>): ValidationError[] {
  const problems = useStore(serverProblemsOf(editor), (state) => state.problems);
  const graph = useStore(editor, (state) => state.graph);
  return problems.length === 0 ? problems : stillCurrent(problems, graph);
}
