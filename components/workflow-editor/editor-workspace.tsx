"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useReactFlow } from "@xyflow/react";
import { ArrowLeft, FlaskConical, LayoutGrid, Redo2, Undo2 } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-react";
import type { RunPath } from "@/components/runs/run-path";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { FailureAlertsMenu } from "@/components/workflows/failure-alerts-menu";
import type { DraftWorkflowGraph } from "@/engine";
import { AddStepMenu } from "./add-step-menu";
import { clipHasTriggerOnly, copySelection, pasteClip, type Clip } from "./clipboard";
import { editorGraphFrom, storedGraphOf, type EditorGraph } from "./editor-graph";
import { createEditorStore, EditorStoreContext, useEditorStore, useEditorStoreOf } from "./editor-store";
import { hasSelection, removeSelected, selectAll, selectOnly, withSelectionOf } from "./graph-operations";
import { canRedo, canUndo } from "./history";
import type { EditorCommand } from "./keyboard-shortcuts";
import { NodeInspector } from "./node-inspector";
import { NodePalette } from "./node-palette";
import { ProblemsList } from "./problems-list";
import { PublishDialog } from "./publish-dialog";
import { SaveStatusIndicator } from "./save-status";
import { SimulateCallButton } from "./simulate-call-button";
import { TestRunOverlayProvider } from "./test-run/test-run-overlay";
import { useAutosave } from "./use-autosave";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { WorkflowCanvas } from "./workflow-canvas";
import { WorkflowNameField } from "./workflow-name-field";

// Not needed to draw the editor: each loads the first time it is opened.
const TestRunPanel = dynamic(() => import("./test-run/test-run-panel").then((module) => module.TestRunPanel));
const VersionHistoryPanel = dynamic(() => import("./version-history-panel").then((module) => module.VersionHistoryPanel), {
  loading: () => <Skeleton className="m-3 h-24" />,
});
const VersionPreview = dynamic(() => import("./version-preview").then((module) => module.VersionPreview), {
  loading: () => <Skeleton className="size-full" />,
});

export interface EditableWorkflow {
  id: string;
  name: string;
  enabled: boolean;
  alertsEnabled: boolean;
  draftGraph: DraftWorkflowGraph;
  draftRevision: number;
  viewport: { x: number; y: number; zoom: number } | null;
  publishedVersionId: string | null;
  publishedVersionNumber: number | null;
  hasUnpublishedChanges: boolean;
}

type SideTab = "settings" | "problems" | "versions";

function ProblemsTabLabel() {
  const errors = useEditorStore((state) => state.problems.errorCount);
  const warnings = useEditorStore((state) => state.problems.warningCount);
  return (
    <>
      Problems
      {errors + warnings > 0 ? (
        <span className={cn("ml-1 rounded-full px-1.5 text-[11px] text-white", errors > 0 ? "bg-destructive" : "bg-warning")} data-testid="problem-count">
          {errors + warnings}
        </span>
      ) : null}
    </>
  );
}

function UndoRedoButtons({ onUndo, onRedo }: { onUndo: () => void; onRedo: () => void }) {
  const undoable = useEditorStore((state) => canUndo(state.history));
  const redoable = useEditorStore((state) => canRedo(state.history));
  return (
    <div className="flex">
      <Button variant="ghost" size="icon" onClick={onUndo} disabled={!undoable} aria-label="Undo" title="Undo (Ctrl+Z)">
        <Undo2 aria-hidden />
      </Button>
      <Button variant="ghost" size="icon" onClick={onRedo} disabled={!redoable} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
        <Redo2 aria-hidden />
      </Button>
    </div>
  );
}

/** The editor around one workflow: toolbar, palette, canvas and side panel, sharing one store. */
export function EditorWorkspace({ workflow, canEdit }: { workflow: EditableWorkflow; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [store] = useState(() => createEditorStore(editorGraphFrom(workflow.draftGraph), { readOnly: !canEdit }));
  const autosave = useAutosave({ workflowId: workflow.id, initialRevision: workflow.draftRevision, initialViewport: workflow.viewport, store });
  const { setCenter, getZoom } = useReactFlow();
  const [tab, setTab] = useState<SideTab>("settings");
  const [viewingVersionId, setViewingVersionId] = useState<string | null>(null);
  const clipboard = useRef<{ clip: Clip; pastes: number } | null>(null);
  const [testing, setTesting] = useState(false);
  const [testPath, setTestPath] = useState<RunPath | null>(null);
  const eventType = useEditorStoreOf(store, (state) => state.eventType);
  const contentVersion = useEditorStoreOf(store, (state) => state.contentVersion);
  // What was last published, as the editor's change counter: null until published from this page.
  const [publishedAt, setPublishedAt] = useState<number | null>(null);
  const unpublishedChanges =
    publishedAt === null ? workflow.hasUnpublishedChanges || contentVersion > 0 : contentVersion !== publishedAt;

  const refreshWorkflow = useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.workflow.get.queryKey({ workflowId: workflow.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.workflow.versions.queryKey({ workflowId: workflow.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.workflow.list.queryKey() }),
    ]);
  }, [queryClient, trpc, workflow.id]);

  const publish = useMutation(trpc.workflow.publish.mutationOptions());
  const setEnabled = useMutation(trpc.workflow.setEnabled.mutationOptions({ onSuccess: refreshWorkflow }));
  const restore = useMutation(trpc.workflow.restoreVersion.mutationOptions());

  const copy = useCallback(() => {
    const { graph } = store.getState();
    if (clipHasTriggerOnly(graph)) {
      toast.info("The trigger can't be copied: a workflow has exactly one.");
      return;
    }
    const clip = copySelection(graph);
    if (clip.nodes.length > 0) clipboard.current = { clip, pastes: 0 };
  }, [store]);

  const paste = useCallback(() => {
    const copied = clipboard.current;
    if (!copied) return;
    copied.pastes += 1;
    store.change((graph) => pasteClip(graph, copied.clip, copied.pastes).graph);
  }, [store]);

  const duplicate = useCallback(() => {
    const clip = copySelection(store.getState().graph);
    if (clip.nodes.length > 0) store.change((graph) => pasteClip(graph, clip).graph);
  }, [store]);

  const remove = useCallback(() => {
    if (hasSelection(store.getState().graph)) store.change(removeSelected);
  }, [store]);

  const runCommand = useCallback(
    (command: EditorCommand): boolean => {
      if (viewingVersionId && command !== "save") return false;
      switch (command) {
        case "save":
          void autosave.saveNow();
          return true;
        case "undo":
          store.undo();
          return true;
        case "redo":
          store.redo();
          return true;
        case "copy":
          copy();
          return true;
        case "paste":
          if (!canEdit) return false;
          paste();
          return true;
        case "duplicate":
          if (!canEdit) return false;
          duplicate();
          return true;
        case "delete":
          if (!canEdit) return false;
          remove();
          return true;
        case "selectAll":
          store.changeView(selectAll);
          return true;
      }
    },
    [autosave, canEdit, copy, duplicate, paste, remove, store, viewingVersionId],
  );
  useEditorShortcuts(runCommand);

  const showNode = useCallback(
    (nodeId: string) => {
      store.changeView((graph) => selectOnly(graph, [nodeId]));
      setTab("settings");
      const node = store.getState().graph.nodes.find((candidate) => candidate.id === nodeId);
      if (node) void setCenter(node.position.x + 120, node.position.y + 40, { zoom: Math.max(getZoom(), 0.9), duration: 250 });
    },
    [getZoom, setCenter, store],
  );

  // dagre is only needed when someone tidies up, so it loads then.
  async function tidyUp() {
    const { tidyLayout } = await import("./auto-layout");
    store.change(tidyLayout);
  }

  async function publishNow(note: string): Promise<boolean> {
    if (!(await autosave.saveNow())) {
      toast.error("Save the draft first: it could not be saved.");
      return false;
    }
    try {
      const publishedVersion = store.getState().contentVersion;
      const version = await publish.mutateAsync({ workflowId: workflow.id, ...(note ? { note } : {}) });
      setPublishedAt(publishedVersion);
      toast.success(`Published version ${version.number}`);
      await refreshWorkflow();
      return true;
    } catch {
      return false;
    }
  }

  async function restoreVersion(version: { id: string; number: number; graph: EditorGraph }) {
    if (!(await autosave.saveNow())) return;
    try {
      const result = await restore.mutateAsync({ workflowId: workflow.id, versionId: version.id, expectedRevision: autosave.currentRevision() });
      store.change((current) => withSelectionOf(version.graph, current));
      autosave.acceptServerDraft(result.revision);
      setViewingVersionId(null);
      toast.success(`Version ${version.number} is your draft again. Publish it to make it live.`);
      await refreshWorkflow();
    } catch {
      // The mutation's own error toast explains what went wrong.
    }
  }

  const currentGraph = useCallback(() => storedGraphOf(store.getState().graph), [store]);
  const closeTest = useCallback(() => {
    setTesting(false);
    setTestPath(null);
  }, []);

  const tabs: Array<{ id: SideTab; label: ReactNode }> = [
    { id: "settings", label: "Settings" },
    { id: "problems", label: <ProblemsTabLabel /> },
    { id: "versions", label: "Versions" },
  ];

  return (
    <EditorStoreContext.Provider value={store}>
      <TestRunOverlayProvider value={viewingVersionId ? null : testPath}>
      <div className="fixed inset-y-0 left-60 right-0 z-10 flex flex-col bg-background" data-testid="workflow-editor">
        <header className="flex items-center gap-2 border-b bg-card px-3 py-2">
          <div className="flex min-w-0 flex-1 items-center gap-2">
            <Link href="/workflows" className="flex shrink-0 items-center gap-1 rounded px-1.5 py-1 text-sm text-muted-foreground hover:text-foreground">
              <ArrowLeft className="size-4" aria-hidden /> Workflows
            </Link>
            <WorkflowNameField workflowId={workflow.id} name={workflow.name} readOnly={!canEdit} />
            {canEdit ? (
              <div className="shrink-0">
                <SaveStatusIndicator status={autosave.status} errorMessage={autosave.errorMessage} onRetry={() => void autosave.saveNow()} />
              </div>
            ) : (
              <span className="shrink-0 rounded bg-muted px-2 py-0.5 text-xs">View only</span>
            )}
          </div>
          <div className="flex shrink-0 items-center gap-2">
            {canEdit ? (
              <>
                <UndoRedoButtons onUndo={store.undo} onRedo={store.redo} />
                <AddStepMenu />
                {/* Icon-only below 2xl so the header never squeezes the workflow's name. */}
                <Button variant="secondary" size="sm" onClick={() => void tidyUp()} aria-label="Tidy up" title="Tidy up the layout">
                  <LayoutGrid aria-hidden /> <span className="hidden 2xl:inline">Tidy up</span>
                </Button>
                <Button
                  variant={testing ? "primary" : "secondary"}
                  size="sm"
                  onClick={() => (testing ? closeTest() : setTesting(true))}
                  disabled={!eventType || Boolean(viewingVersionId)}
                  title={eventType ? "Try the draft on a sample or recent event; nothing is sent" : "Choose what starts the workflow first"}
                  aria-pressed={testing}
                >
                  <FlaskConical aria-hidden /> Test
                </Button>
                <SimulateCallButton eventType={eventType} />
              </>
            ) : null}
            <span className="whitespace-nowrap text-xs text-muted-foreground" data-testid="published-version">
              {workflow.publishedVersionNumber ? `Live: version ${workflow.publishedVersionNumber}` : "Not published yet"}
            </span>
            {workflow.publishedVersionNumber && unpublishedChanges ? (
              <span className="whitespace-nowrap rounded bg-warning/20 px-1.5 py-0.5 text-xs" title="The draft differs from the live version. Publish to make your changes live.">
                Unpublished changes
              </span>
            ) : null}
            {canEdit ? (
              <>
                <label className="flex items-center gap-1.5 text-sm" title={workflow.publishedVersionId ? undefined : "Publish the workflow before turning it on"}>
                  <Switch
                    checked={workflow.enabled}
                    disabled={!workflow.publishedVersionId || setEnabled.isPending}
                    onCheckedChange={(enabled) => setEnabled.mutate({ workflowId: workflow.id, enabled })}
                    aria-label="Workflow on"
                  />
                  {workflow.enabled ? "On" : "Off"}
                </label>
                <PublishDialog onPublish={publishNow} busy={publish.isPending} />
              </>
            ) : null}
            <FailureAlertsMenu workflowId={workflow.id} alertsEnabled={workflow.alertsEnabled} canEdit={canEdit} />
          </div>
        </header>
        {autosave.status === "conflict" ? (
          <div role="alert" className="flex items-center justify-between gap-3 border-b border-destructive/40 bg-destructive/10 px-4 py-2 text-sm">
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
                restoring={restore.isPending}
                onRestore={(version) => void restoreVersion(version)}
                onClose={() => setViewingVersionId(null)}
              />
            ) : (
              <WorkflowCanvas defaultViewport={workflow.viewport} onViewportChange={autosave.noteViewport} />
            )}
            {testing && eventType && !viewingVersionId ? (
              <TestRunPanel key={eventType} workflowId={workflow.id} eventType={eventType} currentGraph={currentGraph} onPathChange={setTestPath} onClose={closeTest} />
            ) : null}
          </div>
          <aside className="flex w-80 shrink-0 flex-col border-l bg-card" aria-label="Side panel">
            <div role="tablist" className="flex border-b">
              {tabs.map((item) => (
                <button
                  key={item.id}
                  type="button"
                  role="tab"
                  aria-selected={tab === item.id}
                  onClick={() => setTab(item.id)}
                  className={cn(
                    "flex-1 border-b-2 px-2 py-2 text-sm",
                    tab === item.id ? "border-primary font-medium" : "border-transparent text-muted-foreground hover:text-foreground",
                  )}
                >
                  {item.label}
                </button>
              ))}
            </div>
            <div role="tabpanel" className="min-h-0 flex-1 overflow-y-auto">
              {tab === "settings" ? <NodeInspector workflowId={workflow.id} onDelete={remove} onDuplicate={duplicate} /> : null}
              {tab === "problems" ? <ProblemsList onShowNode={showNode} /> : null}
              {tab === "versions" ? <VersionHistoryPanel workflowId={workflow.id} viewingId={viewingVersionId} onView={setViewingVersionId} /> : null}
            </div>
          </aside>
        </div>
      </div>
      </TestRunOverlayProvider>
    </EditorStoreContext.Provider>
  );
}
