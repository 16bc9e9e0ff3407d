"use client";

import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { RotateCcw, X } from "lucide-react";
import { useMemo } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { editorGraphFrom, type EditorGraph } from "../model/editor-graph";
import { createEditorStore } from "../model/editor-store";
import { EditorStoreContext } from "../use-editor-store";
import { WorkflowCanvas } from "./workflow-canvas";

/** A published version on its own read-only canvas, with the way back and the way to restore it. */
export function VersionPreview({
  workflowId,
  versionId,
  canRestore,
  restoring,
  onRestore,
  onClose,
}: {
  workflowId: string;
  versionId: string;
  canRestore: boolean;
  restoring: boolean;
  onRestore: (version: { id: string; number: number; graph: EditorGraph }) => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const version = useQuery(trpc.workflow.version.queryOptions({ workflowId, versionId }));
  const store = useMemo(
    () => (version.data ? createEditorStore(editorGraphFrom(version.data.graph), { readOnly: true }) : null),
    [version.data],
  );

  return (
    <div className="flex size-full flex-col" data-testid="version-preview">
      <div className="flex items-center justify-between gap-3 border-b bg-accent px-4 py-2 text-sm text-accent-foreground">
        <p>
          {version.data ? <strong>Version {version.data.number}</strong> : "Loading the version…"} — read-only. Your draft is unchanged
          until you restore.
        </p>
        <div className="flex gap-2">
          {canRestore && version.data ? (
            <Button
              size="sm"
              disabled={restoring}
              onClick={() => onRestore({ id: version.data.id, number: version.data.number, graph: editorGraphFrom(version.data.graph) })}
            >
              <RotateCcw aria-hidden /> {restoring ? "Restoring…" : "Restore this version"}
            </Button>
          ) : null}
          <Button size="sm" variant="secondary" onClick={onClose}>
            <X aria-hidden /> Back to the draft
          </Button>
        </div>
      </div>
      <div className="min-h-0 flex-1">
        {version.isError ? (
          <p role="alert" className="p-4 text-sm text-destructive">
            Could not load this version: {version.error.message}
          </p>
        ) : null}
        {store ? (
          <EditorStoreContext.Provider value={store}>
            <ReactFlowProvider>
              <WorkflowCanvas />
            </ReactFlowProvider>
          </EditorStoreContext.Provider>
        ) : version.isLoading ? (
          <Skeleton className="m-4 h-64" />
        ) : null}
      </div>
    </div>
  );
}
