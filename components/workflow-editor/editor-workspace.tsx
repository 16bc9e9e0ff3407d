"use client";

import { useReactFlow } from "@xyflow/react";
import { PanelLeftClose, PanelLeftOpen } from "lucide-react";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import type { RunPath } from "@/components/runs/run-path";
import { usePageSkipLinks, type SkipLink } from "@/components/shell/skip-links";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { NodePalette } from "./canvas/node-palette";
import { WorkflowCanvas } from "./canvas/workflow-canvas";
import { useAutosave } from "./commands/use-autosave";
import { useEditorCommands } from "./commands/use-editor-commands";
import { useRestoreVersion } from "./commands/use-publishing";
import { useRememberedFlag } from "./commands/use-remembered-flag";
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
const StepSettingsSheet = dynamic(() => import("./canvas/step-settings-sheet").then((module) => module.StepSettingsSheet));

/** At this width and below the editor opens read-only, fitted to the screen, with settings in a bottom sheet. */
const phoneQuery = "(max-width: 640px)";

function isPhoneScreen(): boolean {
  return typeof window !== "undefined" && window.matchMedia(phoneQuery).matches;
}

/** The editor's first Tab stops, before the app's sidebar: straight to the canvas, or to the step settings. */
const editorSkipLinks: SkipLink[] = [
  { href: "#workflow-canvas", label: "Skip to the canvas" },
  { href: "#step-settings", label: "Skip to the step settings" },
];
/** When the canvas gets narrower or wider (a panel folded, the Test panel opened), the whole workflow is fitted in again. */
function useRefitOn(...changes: unknown[]) {
  const { fitView } = useReactFlow();
  const key = JSON.stringify(changes);
  const fittedFor = useRef(key);
  useEffect(() => {
    if (key === fittedFor.current) return;
    fittedFor.current = key;
    // After the layout has its new widths.
    const frame = requestAnimationFrame(() => void fitView({ maxZoom: 1, padding: 0.2, duration: 150 }));
    return () => cancelAnimationFrame(frame);
  }, [fitView, key]);
}

/** The editor around one workflow: toolbar, palette, canvas and side panel, sharing one store. */
export function EditorWorkspace({
  workflow,
  canEdit: mayEdit,
  longestWaitDays = null,
}: {
  workflow: EditableWorkflow;
  canEdit: boolean;
  longestWaitDays?: number | null;
}) {
  // Editing on a phone is not offered: too small to drag and connect. The workflow opens to look at.
  const [phone] = useState(isPhoneScreen);
  const canEdit = mayEdit && !phone;
  // On a phone the settings open in a sheet, not a panel to skip to.
  usePageSkipLinks(phone ? editorSkipLinks.slice(0, 1) : editorSkipLinks);
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
  const [paletteCollapsed, setPaletteCollapsed] = useRememberedFlag("switchboard.editor.palette-collapsed", false);
  const [panelCollapsed, setPanelCollapsed] = useRememberedFlag("switchboard.editor.side-panel-collapsed", false);
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
  const showTest = testing && eventType !== null && !viewingVersionId;
  useRefitOn(showTest, paletteCollapsed, panelCollapsed);

  return (
    <EditorStoreContext.Provider value={store}>
      <TestRunOverlayProvider value={viewingVersionId ? null : testPath}>
        {/* Beside the app's sidebar from md up; below md under the app's top bar, full width. */}
        <div
          className="fixed inset-x-0 bottom-0 top-14 z-10 flex flex-col overflow-hidden bg-background md:left-60 md:top-0"
          data-testid="workflow-editor"
          data-phone={phone || undefined}
        >
          <h1 className="sr-only">{workflow.name}</h1>
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
          {phone && mayEdit ? (
            <p className="border-b bg-accent px-3 py-1.5 text-xs text-accent-foreground" data-testid="phone-read-only">
              Read-only on a phone. Tap a step to see its settings; open the workflow on a larger screen to change it.
            </p>
          ) : null}
          <div className="flex min-h-0 flex-1">
            {canEdit ? (
              paletteCollapsed ? (
                <aside className="flex w-11 shrink-0 flex-col items-center border-r bg-card py-2" aria-label="Steps you can add">
                  <Button
                    variant="ghost"
                    size="icon"
                    onClick={() => setPaletteCollapsed(false)}
                    aria-label="Show the steps list"
                    title="Show the steps you can add"
                    aria-expanded={false}
                  >
                    <PanelLeftOpen aria-hidden />
                  </Button>
                </aside>
              ) : (
                <aside className="flex w-60 shrink-0 flex-col border-r bg-card" aria-label="Steps you can add">
                  <div className="flex items-center justify-between border-b py-1 pl-3 pr-1">
                    <span className="text-sm font-medium">Steps</span>
                    <Button
                      variant="ghost"
                      size="icon"
                      onClick={() => setPaletteCollapsed(true)}
                      aria-label="Hide the steps list"
                      title="Hide the steps list"
                      aria-expanded
                    >
                      <PanelLeftClose aria-hidden />
                    </Button>
                  </div>
                  <div className="min-h-0 flex-1">
                    <NodePalette />
                  </div>
                </aside>
              )
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
                <WorkflowCanvas defaultViewport={workflow.viewport} onViewportChange={autosave.noteViewport} fitOnOpen={phone} />
              )}
            </div>
            {/* The Test panel is a column of its own, so it never covers the canvas; below 2xl it takes the side panel's place. */}
            {showTest ? (
              <TestRunPanel
                key={eventType}
                workflowId={workflow.id}
                eventType={eventType}
                currentGraph={currentGraph}
                onPathChange={setTestPath}
                onClose={closeTest}
              />
            ) : null}
            {phone ? null : (
              <SidePanel
                workflowId={workflow.id}
                viewingVersionId={viewingVersionId}
                onViewVersion={setViewingVersionId}
                onDelete={remove}
                onDuplicate={duplicate}
                collapsed={panelCollapsed}
                onCollapsedChange={setPanelCollapsed}
                className={showTest ? "hidden 2xl:flex" : undefined}
              />
            )}
          </div>
          {phone && !viewingVersionId ? <StepSettingsSheet workflowId={workflow.id} /> : null}
        </div>
      </TestRunOverlayProvider>
    </EditorStoreContext.Provider>
  );
}
