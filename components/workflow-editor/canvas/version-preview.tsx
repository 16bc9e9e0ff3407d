"use client";

import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { Eye, RotateCcw, X } from "lucide-react";
import { useMemo } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { relativeTime } from "@/components/ui/relative-time";
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
      <section
        aria-labelledby="version-banner-title"
        className="flex flex-wrap items-center justify-between gap-3 border-b-2 border-warning bg-warning/15 px-4 py-2.5 text-sm"
        data-testid="version-banner"
      >
        <div className="flex min-w-0 items-start gap-2.5">
          <Eye className="mt-0.5 size-4 shrink-0" aria-hidden />
          <div className="min-w-0">
            <h2 id="version-banner-title" className="font-semibold">
              {version.data ? `Version ${version.data.number} — read-only` : "Loading the version…"}
              {version.data ? (
                <span className="font-normal text-muted-foreground"> · published {relativeTime(version.data.publishedAt)}</span>
              ) : null}
            </h2>
            <p className="text-muted-foreground">
              Nothing here can be changed. Your draft stays as it is{canRestore ? " unless you restore this version" : ""}.
            </p>
          </div>
        </div>
        <div className="flex shrink-0 gap-2">
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
      </section>
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
