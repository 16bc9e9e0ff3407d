"use client";

import { Copy, MousePointerClick, Trash2 } from "lucide-react";
import dynamic from "next/dynamic";
import { getNodeDefinition } from "@/engine";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { categoryStyles } from "@/components/steps/category-styles";
import { NodeIcon } from "@/components/steps/node-icons";
import { BranchToggles } from "../config/branch-toggles";
import { useEditorStore } from "../use-editor-store";

// Nothing is selected when the editor opens, so the settings form (react-hook-form, select menus,
// the template preview with Liquid) and the webhook test load with the first selection.
const NodeConfigForm = dynamic(() => import("../config/node-config-form").then((module) => module.NodeConfigForm), {
  loading: () => <Skeleton className="h-24" />,
});
const WebhookTestPanel = dynamic(() => import("../webhook-test/webhook-test-panel").then((module) => module.WebhookTestPanel));

/** The side panel: the selected step's settings, or what to do when none (or several) are selected. */
export function NodeInspector({
  workflowId,
  onDelete,
  onDuplicate,
}: {
  workflowId?: string;
  onDelete: () => void;
  onDuplicate: () => void;
}) {
  const selectedIds = useEditorStore((state) =>
    state.graph.nodes
      .filter((node) => node.selected)
      .map((node) => node.id)
      .join(" "),
  );
  const readOnly = useEditorStore((state) => state.readOnly);
  const eventType = useEditorStore((state) => state.eventType);
  const ids = selectedIds ? selectedIds.split(" ") : [];
  const node = useEditorStore((state) => (ids.length === 1 ? state.graph.nodes.find((candidate) => candidate.id === ids[0]) : undefined));

  if (ids.length === 0) {
    return (
      <div className="flex flex-col items-center gap-2 p-6 text-center text-sm text-muted-foreground">
        <MousePointerClick className="size-6" aria-hidden />
        <p>Select a step to change its settings.</p>
        <p className="text-xs">Shift-drag on the canvas to select several steps.</p>
      </div>
    );
  }

  if (!node) {
    return (
      <div className="grid gap-3 p-4">
        <p className="text-sm font-medium">{ids.length} steps selected</p>
        {readOnly ? null : (
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" onClick={onDuplicate}>
              <Copy aria-hidden /> Duplicate
            </Button>
            <Button variant="secondary" size="sm" onClick={onDelete}>
              <Trash2 aria-hidden /> Delete
            </Button>
          </div>
        )}
      </div>
    );
  }

  const definition = getNodeDefinition(node.data.kind);
  return (
    <div className="grid grid-cols-1 gap-4 p-4" data-testid="node-inspector">
      <div className="flex items-start gap-2.5">
        <span
          className={cn(
            "flex size-9 shrink-0 items-center justify-center rounded-md",
            categoryStyles[definition?.category ?? "action"].iconBox,
          )}
        >
          <NodeIcon name={definition?.icon} className="size-5" />
        </span>
        <div className="min-w-0">
          <h2 className="font-semibold">{definition?.label ?? "Unknown step"}</h2>
          <p className="text-xs text-muted-foreground">{definition?.description}</p>
        </div>
      </div>
      <NodeConfigForm key={node.id} nodeId={node.id} kind={node.data.kind} config={node.data.config} />
      {definition?.category === "condition" ? (
        <BranchToggles nodeId={node.id} kind={node.data.kind} openHandles={node.data.openHandles ?? []} />
      ) : null}
      {node.data.kind === "action.webhook" && workflowId && eventType && !readOnly ? (
        <WebhookTestPanel
          key={`${node.id}:${eventType}`}
          workflowId={workflowId}
          nodeId={node.id}
          config={node.data.config}
          eventType={eventType}
        />
      ) : null}
      {readOnly ? null : (
        <div className="flex gap-2 border-t pt-4">
          {definition?.category !== "trigger" ? (
            <Button variant="secondary" size="sm" onClick={onDuplicate}>
              <Copy aria-hidden /> Duplicate
            </Button>
          ) : null}
          <Button variant="secondary" size="sm" onClick={onDelete}>
            <Trash2 aria-hidden /> Delete step
          </Button>
        </div>
      )}
    </div>
  );
}
