"use client";

import dynamic from "next/dynamic";
import { useCallback, useState } from "react";
import { useStore } from "zustand";
import type { RunPath } from "@/components/runs/run-path";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { NodePalette } from "./canvas/node-palette";
import { WorkflowCanvas } from "./canvas/workflow-canvas";
import { useAutosave } from "./commands/use-autosave";
import { useEditorCommands } from "./commands/use-editor-commands";
import { useRestoreVersion } from "./commands/use-publishing";
import type { EditableWorkflow } from "./model/editable-workflow";
import { editorGraphFrom, storedGraphOf } from "./model/editor-graph";
import { createEditorStore } from "./model/editor-store";
import { SidePanel } from "./side-panel/side-panel";
import { TestRunOverlayProvider } from "./test-run/test-run-overlay";
import { EditorToolbar } from "./toolbar/editor-toolbar";
import { EditorStoreContext } from "./use-editor-store";

// Not needed to draw the editor: each loads the first time it is opened.
const TestRunPanel = dynamic(() => import("./test-run/test-run-panel").then((module) => module.TestRunPanel));
const VersionPreview = dynamic(() => import("./canvas/version-preview").then((module) => module.VersionPreview), {
  loading: () => <Skeleton className="size-full" />,
});

/** The editor around one workflow: toolbar, palette, canvas and side panel, sharing one store. */
export function EditorWorkspace({
  workflow,
  canEdit,
  longestWaitDays = null,
}: {
  workflow: EditableWorkflow;
  canEdit: boolean;
  longestWaitDays?: number | null;
}) {
  const [store] = useState(() => createEditorStore(editorGraphFrom(workflow.draftGraph), { readOnly: !canEdit, longestWaitDays }));
  const autosave = useAutosave({
    workflowId: workflow.id,
    initialRevision: workflow.draftRevision,
    initialViewport: workflow.viewport,
    store,
  });
  const [viewingVersionId, setViewingVersionId] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const [testPath, setTestPath] = useState<RunPath | null>(null);
  const { duplicate, remove } = useEditorCommands({ store, canEdit, saveNow: autosave.saveNow, paused: viewingVersionId !== null });
  const { restoreVersion, restoring } = useRestoreVersion({
    workflowId: workflow.id,
    store,
    autosave,
    onRestored: () => setViewingVersionId(null),
  });
  const eventType = useStore(store, (state) => state.eventType);

  const currentGraph = useCallback(() => storedGraphOf(store.getState().graph), [store]);
  const closeTest = useCallback(() => {
    setTesting(false);
    setTestPath(null);
  }, []);

  return (
    <EditorStoreContext.Provider value={store}>
      <TestRunOverlayProvider value={viewingVersionId ? null : testPath}>
        <div className="fixed inset-y-0 left-60 right-0 z-10 flex flex-col bg-background" data-testid="workflow-editor">
          <EditorToolbar
            workflow={workflow}
            canEdit={canEdit}
            autosave={autosave}
            testing={testing}
            onToggleTest={() => (testing ? closeTest() : setTesting(true))}
            viewingVersion={viewingVersionId !== null}
          />
          {autosave.status === "conflict" ? (
            <div
              role="alert"
              className="flex items-center justify-between gap-3 border-b border-destructive/40 bg-destructive/10 px-4 py-2 text-sm"
            >
              <p>{autosave.errorMessage}</p>
              <Button size="sm" variant="secondary" onClick={() => window.location.reload()}>
                Reload
              </Button>
            </div>
          ) : null}
          <div className="flex min-h-0 flex-1">
            {canEdit ? (
              <aside className="w-60 shrink-0 border-r bg-card" aria-label="Steps you can add">
                <NodePalette />
              </aside>
            ) : null}
            <div className="relative min-w-0 flex-1">
              {viewingVersionId ? (
                <VersionPreview
                  workflowId={workflow.id}
                  versionId={viewingVersionId}
                  canRestore={canEdit}
                  restoring={restoring}
                  onRestore={(version) => void restoreVersion(version)}
                  onClose={() => setViewingVersionId(null)}
                />
              ) : (
                <WorkflowCanvas defaultViewport={workflow.viewport} onViewportChange={autosave.noteViewport} />
              )}
              {testing && eventType && !viewingVersionId ? (
                <TestRunPanel
                  key={eventType}
                  workflowId={workflow.id}
                  eventType={eventType}
                  currentGraph={currentGraph}
                  onPathChange={setTestPath}
                  onClose={closeTest}
                />
              ) : null}
            </div>
            <SidePanel
              workflowId={workflow.id}
              viewingVersionId={viewingVersionId}
              onViewVersion={setViewingVersionId}
              onDelete={remove}
              onDuplicate={duplicate}
            />
          </div>
        </div>
      </TestRunOverlayProvider>
    </EditorStoreContext.Provider>
  );
}
