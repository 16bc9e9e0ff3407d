import type { DraftWorkflowGraph } from "@/engine";

/** A workflow as the editor opens it: its draft and what the toolbar shows about it. */
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
