"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { toast } from "sonner";
import { useStore } from "zustand";
import { useTRPC } from "@/components/providers/trpc-react";
import type { EditableWorkflow } from "../model/editable-workflow";
import type { EditorGraph } from "../model/editor-graph";
import type { EditorStore } from "../model/editor-store";
import { withSelectionOf } from "../model/graph-operations";
import { setServerProblems } from "../model/server-problems";
import type { useAutosave } from "./use-autosave";

type Autosave = ReturnType<typeof useAutosave>;

/** After publishing, restoring or switching on: the toolbar, the version list and the workflow list load again. */
function useRefreshWorkflow(workflowId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.workflow.get.queryKey({ workflowId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.workflow.versions.queryKey({ workflowId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.workflow.list.queryKey() }),
    ]);
  }, [queryClient, trpc, workflowId]);
}

/** Publishing the draft (saved first), and switching the published workflow on or off. */
export function usePublishing({ workflow, store, autosave }: { workflow: EditableWorkflow; store: EditorStore; autosave: Autosave }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshWorkflow = useRefreshWorkflow(workflow.id);
  const publish = useMutation(trpc.workflow.publish.mutationOptions());
  const setEnabled = useMutation(trpc.workflow.setEnabled.mutationOptions({ onSuccess: refreshWorkflow }));
  const [checking, setChecking] = useState(false);
  const contentVersion = useStore(store, (state) => state.contentVersion);
  // What was last published, as the editor's change counter: null until published from this page.
  const [publishedAt, setPublishedAt] = useState<number | null>(null);
  const unpublishedChanges = publishedAt === null ? workflow.hasUnpublishedChanges || contentVersion > 0 : contentVersion !== publishedAt;

  /** Asks the server what only it can tell (webhook addresses it refuses); they then show in their step. */
  const checkOnServer = useCallback(async (): Promise<void> => {
    setChecking(true);
    try {
      if (!(await autosave.saveNow())) return;
      const result = await queryClient.fetchQuery({
        ...trpc.workflow.publishCheck.queryOptions({ workflowId: workflow.id }),
        staleTime: 0,
      });
      setServerProblems(store, result.problems);
    } catch {
      // Publishing checks again and says what is wrong.
    } finally {
      setChecking(false);
    }
  }, [autosave, queryClient, store, trpc, workflow.id]);

  /** The number of the version published, or null (the reason has been shown). */
  async function publishNow(note: string): Promise<number | null> {
    if (!(await autosave.saveNow())) {
      toast.error("Save the draft first: it could not be saved.");
      return null;
    }
    try {
      const publishedVersion = store.getState().contentVersion;
      const version = await publish.mutateAsync({ workflowId: workflow.id, ...(note ? { note } : {}) });
      setPublishedAt(publishedVersion);
      setServerProblems(store, []);
      await refreshWorkflow();
      return version.number;
    } catch {
      // The refusal is in a toast; what the server found shows in the steps concerned.
      await checkOnServer();
      return null;
    }
  }

  return {
    unpublishedChanges,
    publishNow,
    publishing: publish.isPending,
    checkOnServer,
    checking,
    setEnabled: (enabled: boolean) => setEnabled.mutate({ workflowId: workflow.id, enabled }),
    turnOn: async () => {
      try {
        await setEnabled.mutateAsync({ workflowId: workflow.id, enabled: true });
        toast.success(`“${workflow.name}” is on: it runs on every new matching event.`);
        return true;
      } catch {
        return false;
      }
    },
    settingEnabled: setEnabled.isPending,
  };
}

/** Makes a published version the draft again (saving the draft first, so the revision is current). */
export function useRestoreVersion({
  workflowId,
  store,
  autosave,
  onRestored,
}: {
  workflowId: string;
  store: EditorStore;
  autosave: Autosave;
  onRestored: () => void;
}) {
  const trpc = useTRPC();
  const refreshWorkflow = useRefreshWorkflow(workflowId);
  const restore = useMutation(trpc.workflow.restoreVersion.mutationOptions());

  async function restoreVersion(version: { id: string; number: number; graph: EditorGraph }) {
    if (!(await autosave.saveNow())) return;
    try {
      const result = await restore.mutateAsync({ workflowId, versionId: version.id, expectedRevision: autosave.currentRevision() });
      store.getState().change((current) => withSelectionOf(version.graph, current));
      autosave.acceptServerDraft(result.revision);
      onRestored();
      toast.success(`Version ${version.number} is your draft again. Publish it to make it live.`);
      await refreshWorkflow();
    } catch {
      // The mutation's own error toast explains what went wrong.
    }
  }

  return { restoreVersion, restoring: restore.isPending };
}
