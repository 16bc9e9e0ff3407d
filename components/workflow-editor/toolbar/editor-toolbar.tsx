"use client";

import { ArrowLeft, FlaskConical, LayoutGrid, Redo2, Undo2 } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import { FailureAlertsMenu } from "@/components/workflows/failure-alerts-menu";
import type { useAutosave } from "../commands/use-autosave";
import { usePublishing } from "../commands/use-publishing";
import type { EditableWorkflow } from "../model/editable-workflow";
import { useEditorActions, useEditorHistory, useEditorStore, useEditorStoreApi } from "../use-editor-store";
import { AddStepMenu } from "./add-step-menu";
import { PublishDialog } from "./publish-dialog";
import { SaveStatusIndicator } from "./save-status";
import { SimulateCallButton } from "./simulate-call-button";
import { WorkflowNameField } from "./workflow-name-field";

function UndoRedoButtons() {
  const { undo, redo } = useEditorActions();
  const undoable = useEditorHistory((history) => history.pastStates.length > 0);
  const redoable = useEditorHistory((history) => history.futureStates.length > 0);
  return (
    <div className="flex">
      <Button variant="ghost" size="icon" onClick={undo} disabled={!undoable} aria-label="Undo" title="Undo (Ctrl+Z)">
        <Undo2 aria-hidden />
      </Button>
      <Button variant="ghost" size="icon" onClick={redo} disabled={!redoable} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
        <Redo2 aria-hidden />
      </Button>
    </div>
  );
}

function TidyUpButton() {
  const { change } = useEditorActions();
  // dagre is only needed when someone tidies up, so it loads then.
  async function tidyUp() {
    const { tidyLayout } = await import("../model/auto-layout");
    change(tidyLayout);
  }
  return (
    // Icon-only below 2xl so the header never squeezes the workflow's name.
    <Button variant="secondary" size="sm" onClick={() => void tidyUp()} aria-label="Tidy up" title="Tidy up the layout">
      <LayoutGrid aria-hidden /> <span className="hidden 2xl:inline">Tidy up</span>
    </Button>
  );
}

/** The editor's header: the workflow's name and save state, editing tools, and publishing. */
export function EditorToolbar({
  workflow,
  canEdit,
  autosave,
  testing,
  onToggleTest,
  viewingVersion,
}: {
  workflow: EditableWorkflow;
  canEdit: boolean;
  autosave: ReturnType<typeof useAutosave>;
  testing: boolean;
  onToggleTest: () => void;
  /** A published version is shown instead of the draft. */
  viewingVersion: boolean;
}) {
  const eventType = useEditorStore((state) => state.eventType);
  const publishing = usePublishing({ workflow, store: useEditorStoreApi(), autosave });

  return (
    <header className="flex items-center gap-2 border-b bg-card px-3 py-2">
      <div className="flex min-w-0 flex-1 items-center gap-2">
        <Link
          href="/workflows"
          className="flex shrink-0 items-center gap-1 rounded px-1.5 py-1 text-sm text-muted-foreground hover:text-foreground"
        >
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
            <UndoRedoButtons />
            <AddStepMenu />
            <TidyUpButton />
            <Button
              variant={testing ? "primary" : "secondary"}
              size="sm"
              onClick={onToggleTest}
              disabled={!eventType || viewingVersion}
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
        {workflow.publishedVersionNumber && publishing.unpublishedChanges ? (
          <span
            className="whitespace-nowrap rounded bg-warning/20 px-1.5 py-0.5 text-xs"
            title="The draft differs from the live version. Publish to make your changes live."
          >
            Unpublished changes
          </span>
        ) : null}
        {canEdit ? (
          <>
            <label
              className="flex items-center gap-1.5 text-sm"
              title={workflow.publishedVersionId ? undefined : "Publish the workflow before turning it on"}
            >
              <Switch
                checked={workflow.enabled}
                disabled={!workflow.publishedVersionId || publishing.settingEnabled}
                onCheckedChange={publishing.setEnabled}
                aria-label="Workflow on"
              />
              {workflow.enabled ? "On" : "Off"}
            </label>
            <PublishDialog onPublish={publishing.publishNow} busy={publishing.publishing} />
          </>
        ) : null}
        <FailureAlertsMenu workflowId={workflow.id} alertsEnabled={workflow.alertsEnabled} canEdit={canEdit} />
      </div>
    </header>
  );
}
