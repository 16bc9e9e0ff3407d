"use client";

import { ArrowLeft, Ellipsis, FlaskConical, LayoutGrid, Redo2, Undo2 } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Switch } from "@/components/ui/switch";
import { Tooltip } from "@/components/ui/tooltip";
import { FailureAlertsMenu } from "@/components/workflows/failure-alerts-menu";
import { importToastId } from "@/components/workflows/import-workflow-dialog";
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
    // Icon-only unless the header is very wide, so it never squeezes the workflow's name.
    <Button variant="secondary" size="sm" onClick={() => void tidyUp()} aria-label="Tidy up" title="Tidy up the layout">
      <LayoutGrid aria-hidden /> <span className="hidden @min-[90rem]:inline">Tidy up</span>
    </Button>
  );
}

/** Where the workflow stands: published or not, on or off, and which version runs. */
function PublishState({ workflow, unpublishedChanges }: { workflow: EditableWorkflow; unpublishedChanges: boolean }) {
  const version = workflow.publishedVersionNumber;
  return (
    <span className="flex min-w-0 items-center gap-1.5 whitespace-nowrap text-xs">
      <span data-testid="published-version" className={version && workflow.enabled ? "font-medium text-success" : "text-muted-foreground"}>
        {version ? `Published · ${workflow.enabled ? "On" : "Off"}` : "Not published yet"}
      </span>
      {version ? (
        <span className="hidden text-muted-foreground sm:inline" data-testid="published-version-number">
          version {version}
        </span>
      ) : null}
      {version && unpublishedChanges ? (
        <Tooltip content="The draft differs from the published version. Publish to make your changes run.">
          <span tabIndex={0} className="hidden rounded bg-warning/20 px-1.5 py-0.5 lg:inline">
            Unpublished changes
          </span>
        </Tooltip>
      ) : null}
    </span>
  );
}

/** On/Off. Before the first publish it can't be switched, and says why on hover and on keyboard focus. */
function OnOffSwitch({ workflow, busy, onChange }: { workflow: EditableWorkflow; busy: boolean; onChange: (enabled: boolean) => void }) {
  const published = Boolean(workflow.publishedVersionId);
  const control = (
    <label className="flex items-center gap-1.5 text-sm">
      <Switch
        checked={workflow.enabled}
        disabled={!published || busy}
        onCheckedChange={onChange}
        aria-label="Workflow on"
        aria-describedby={published ? undefined : "workflow-switch-why"}
      />
      <span aria-hidden>{workflow.enabled ? "On" : "Off"}</span>
    </label>
  );
  if (published) return control;
  const why = "Publish the workflow before turning it on.";
  return (
    <Tooltip content={why}>
      {/* A disabled switch can't take focus: this wrapper does, so the reason reaches keyboard users too. */}
      <span
        tabIndex={0}
        className="rounded-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        data-testid="switch-why"
      >
        {control}
        <span id="workflow-switch-why" className="sr-only">
          {why}
        </span>
      </span>
    </Tooltip>
  );
}

/** At phone width, the editing tools that don't fit the header. */
function MoreEditingMenu({ testing, canTest, onToggleTest }: { testing: boolean; canTest: boolean; onToggleTest: () => void }) {
  const { undo, redo, change } = useEditorActions();
  const undoable = useEditorHistory((history) => history.pastStates.length > 0);
  const redoable = useEditorHistory((history) => history.futureStates.length > 0);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="secondary" size="sm" className="md:hidden" aria-label="More editing actions">
          <Ellipsis aria-hidden /> More
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem disabled={!undoable} onSelect={undo}>
          <Undo2 aria-hidden /> Undo
        </DropdownMenuItem>
        <DropdownMenuItem disabled={!redoable} onSelect={redo}>
          <Redo2 aria-hidden /> Redo
        </DropdownMenuItem>
        <DropdownMenuItem
          onSelect={async () => {
            const { tidyLayout } = await import("../model/auto-layout");
            change(tidyLayout);
          }}
        >
          <LayoutGrid aria-hidden /> Tidy up
        </DropdownMenuItem>
        <DropdownMenuItem disabled={!canTest} onSelect={onToggleTest}>
          <FlaskConical aria-hidden /> {testing ? "Close the test" : "Test"}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
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
  const canTest = Boolean(eventType) && !viewingVersion;
  // "Imported · Published · Off — Turn on" is moot once the workflow is open: its header says so.
  useEffect(() => {
    toast.dismiss(importToastId(workflow.id));
  }, [workflow.id]);

  return (
    <header className="@container flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 border-b bg-card px-2 py-2 sm:px-3">
      {/* Below md the name has a row of its own, so it is never squeezed to a letter by the tools. */}
      {/* From md it keeps a readable width too: when the tools don't fit beside it, they wrap below. */}
      <div className="flex min-w-[min(100%,26rem)] flex-1 items-center gap-1 max-md:basis-full sm:gap-2">
        <Link
          href="/workflows"
          aria-label="Back to workflows"
          className="flex shrink-0 items-center gap-1 rounded px-1.5 py-1 text-sm text-muted-foreground hover:text-foreground"
        >
          <ArrowLeft className="size-4" aria-hidden /> <span className="hidden sm:inline">Workflows</span>
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
      <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-2">
        {canEdit ? (
          <>
            <div className="hidden items-center gap-2 md:flex">
              <UndoRedoButtons />
              <AddStepMenu />
              <TidyUpButton />
              <Button
                variant={testing ? "primary" : "secondary"}
                size="sm"
                onClick={onToggleTest}
                disabled={!canTest}
                title={eventType ? "Try the draft on a sample or recent event; nothing is sent" : "Choose what starts the workflow first"}
                aria-pressed={testing}
                aria-label="Test"
              >
                <FlaskConical aria-hidden /> <span className="hidden @min-[90rem]:inline">Test</span>
              </Button>
              <SimulateCallButton eventType={eventType} />
            </div>
            <MoreEditingMenu testing={testing} canTest={canTest} onToggleTest={onToggleTest} />
          </>
        ) : null}
        <PublishState workflow={workflow} unpublishedChanges={publishing.unpublishedChanges} />
        {canEdit ? (
          <>
            <OnOffSwitch workflow={workflow} busy={publishing.settingEnabled} onChange={publishing.setEnabled} />
            <PublishDialog
              onPublish={publishing.publishNow}
              busy={publishing.publishing}
              enabled={workflow.enabled}
              onTurnOn={publishing.turnOn}
              turningOn={publishing.settingEnabled}
              onCheck={publishing.checkOnServer}
              checking={publishing.checking}
            />
          </>
        ) : null}
        <FailureAlertsMenu workflowId={workflow.id} alertsEnabled={workflow.alertsEnabled} canEdit={canEdit} />
      </div>
    </header>
  );
}
