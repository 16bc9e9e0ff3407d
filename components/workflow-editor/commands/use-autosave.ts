"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Viewport } from "@xyflow/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { storedGraphOf } from "../model/editor-graph";
import type { EditorStore } from "../model/editor-store";
import { trackSaveAfterLeaving } from "./saves-after-leaving";

export type SaveStatus = "saved" | "unsaved" | "saving" | "error" | "conflict";

export const autosaveDelayMs = 800;
const retryDelayMs = 5_000;

function isConflict(error: unknown): boolean {
  return (error as { data?: { code?: string } } | null)?.data?.code === "CONFLICT";
}

/**
 * Saves the draft shortly after each change, one save at a time, with the revision it was based on:
 * a save over someone else's newer save is refused (CONFLICT) and autosave stops until reload.
 */
export function useAutosave({
  workflowId,
  initialRevision,
  initialViewport,
  store,
}: {
  workflowId: string;
  initialRevision: number;
  initialViewport: Viewport | null;
  store: EditorStore;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveDraft = useMutation(trpc.workflow.saveDraft.mutationOptions({ onError: () => undefined }));
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const revision = useRef(initialRevision);
  const savedVersion = useRef(store.getState().contentVersion);
  const viewport = useRef<Viewport | null>(initialViewport);
  const viewportChanged = useRef(false);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const conflicted = useRef(false);
  // What the server holds now, once this page has saved something: the editor opens from it next time.
  const lastSaved = useRef<{ graph: ReturnType<typeof storedGraphOf>; revision: number; viewport: Viewport | null } | null>(null);
  // A failed or overtaken save schedules the next one; the ref avoids a self-referencing callback.
  const scheduleAgain = useRef<(delay: number) => void>(() => undefined);
  const { mutateAsync } = saveDraft;

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (conflicted.current) return false;
    while (inFlight.current) await inFlight.current;
    const { graph, contentVersion, readOnly } = store.getState();
    if (readOnly) return true;
    if (contentVersion === savedVersion.current && !viewportChanged.current) return true;
    viewportChanged.current = false;
    setStatus("saving");
    const attempt = (async () => {
      try {
        const stored = storedGraphOf(graph);
        const savedViewport = viewport.current;
        const result = await mutateAsync({ workflowId, graph: stored, viewport: savedViewport, expectedRevision: revision.current });
        revision.current = result.revision;
        lastSaved.current = { graph: stored, revision: result.revision, viewport: savedViewport };
        savedVersion.current = contentVersion;
        setErrorMessage(null);
        setStatus(store.getState().contentVersion === contentVersion ? "saved" : "unsaved");
        return true;
      } catch (error) {
        setErrorMessage(error instanceof Error ? error.message : "The draft could not be saved.");
        if (isConflict(error)) {
          conflicted.current = true;
          setStatus("conflict");
        } else {
          setStatus("error");
        }
        return false;
      }
    })();
    inFlight.current = attempt;
    const ok = await attempt;
    inFlight.current = null;
    return ok;
  }, [mutateAsync, store, workflowId]);

  const schedule = useCallback(
    (delay = autosaveDelayMs) => {
      if (conflicted.current) return;
      if (timer.current) clearTimeout(timer.current);
      const again = (next: number) => scheduleAgain.current(next);
      timer.current = setTimeout(() => {
        void saveNow().then((ok) => {
          if (!ok && !conflicted.current) again(retryDelayMs);
          else if (store.getState().contentVersion !== savedVersion.current) again(autosaveDelayMs);
        });
      }, delay);
    },
    [saveNow, store],
  );
  useEffect(() => {
    scheduleAgain.current = schedule;
  }, [schedule]);

  useEffect(() => {
    let seen = store.getState().contentVersion;
    return store.subscribe(() => {
      const { contentVersion } = store.getState();
      if (contentVersion === seen) return;
      seen = contentVersion;
      if (!conflicted.current) setStatus((current) => (current === "saving" ? current : "unsaved"));
      schedule();
    });
  }, [schedule, store]);

  // Nothing is ever saved from a read-only editor (a viewer, a phone), so nothing can be pending there.
  const pending = useCallback(() => {
    const { readOnly, contentVersion } = store.getState();
    if (readOnly) return false;
    return timer.current !== null || inFlight.current !== null || contentVersion !== savedVersion.current;
  }, [store]);

  // Leaving the editor inside the app (a sidebar link, the back button) unmounts it: the waiting save
  // goes now instead of being dropped, and the opened draft kept in the query cache becomes the saved
  // one, so coming back shows the edit (not the draft as it was when the editor opened).
  const flushOnLeave = useRef<() => void>(() => undefined);
  useEffect(() => {
    flushOnLeave.current = () => {
      const write = () => {
        const saved = lastSaved.current;
        if (!saved) return;
        queryClient.setQueryData(trpc.workflow.get.queryKey({ workflowId }), (old) =>
          old
            ? { ...old, draftGraph: saved.graph, draftRevision: saved.revision, viewport: saved.viewport, hasUnpublishedChanges: true }
            : old,
        );
      };
      if (pending()) trackSaveAfterLeaving(workflowId, saveNow().then(write));
      else write();
    };
  }, [pending, queryClient, saveNow, trpc, workflowId]);
  useEffect(() => () => flushOnLeave.current(), []);

  // Closing the tab or reloading: the save starts at once, and the browser asks first only while it
  // (or a failed one) is still outstanding.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!pending()) return;
      void saveNow();
      event.preventDefault();
      event.returnValue = "";
    };
    const hide = () => {
      if (pending()) void saveNow();
    };
    window.addEventListener("beforeunload", warn);
    window.addEventListener("pagehide", hide);
    return () => {
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("pagehide", hide);
    };
  }, [pending, saveNow]);

  const noteViewport = useCallback(
    (next: Viewport) => {
      viewport.current = next;
      viewportChanged.current = true;
      schedule(autosaveDelayMs * 2);
    },
    [schedule],
  );

  /** After the server changed the draft itself (restoring a version): adopt its revision and content. */
  const acceptServerDraft = useCallback(
    (nextRevision: number) => {
      revision.current = nextRevision;
      savedVersion.current = store.getState().contentVersion;
      if (timer.current) clearTimeout(timer.current);
      setStatus("saved");
    },
    [store],
  );

  const currentRevision = useCallback(() => revision.current, []);

  return { status, errorMessage, saveNow, noteViewport, acceptServerDraft, currentRevision };
}
