"use client";

import { useMutation } from "@tanstack/react-query";
import type { Viewport } from "@xyflow/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { storedGraphOf } from "../model/editor-graph";
import type { EditorStore } from "../model/editor-store";

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
        const result = await mutateAsync({
          workflowId,
          graph: storedGraphOf(graph),
          viewport: viewport.current,
          expectedRevision: revision.current,
        });
        revision.current = result.revision;
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

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  // Leaving with changes not yet on the server: let the browser ask first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (store.getState().contentVersion === savedVersion.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [store]);

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
