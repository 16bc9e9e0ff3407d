"use client";

import { getNodeDefinition } from "@/engine";
import { Sheet, SheetBody, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { selectOnly } from "../model/graph-operations";
import { NodeInspector } from "../side-panel/node-inspector";
import { useEditorActions, useEditorStore } from "../use-editor-store";

const nothing = () => undefined;

/** On a phone: the tapped step's settings slide up from the bottom; closing the sheet lets go of the step. */
export function StepSettingsSheet({ workflowId }: { workflowId: string }) {
  const { changeView } = useEditorActions();
  const selected = useEditorStore((state) => {
    const ids = state.graph.nodes.filter((node) => node.selected).map((node) => node.id);
    return ids.length === 1 ? state.graph.nodes.find((node) => node.id === ids[0]) : undefined;
  });
  const name = selected ? (selected.data.label ?? getNodeDefinition(selected.data.kind)?.label ?? "Step") : "";

  return (
    <Sheet open={selected !== undefined} onOpenChange={(open) => (open ? undefined : changeView((graph) => selectOnly(graph, [])))}>
      <SheetContent side="bottom" className="gap-0 p-0 pt-2" data-testid="step-settings-sheet" aria-describedby="step-sheet-description">
        <SheetHeader className="sr-only">
          {/* The inspector below shows the step's name with its icon; the dialog still needs its own. */}
          <SheetTitle className="sr-only">Settings of {name}</SheetTitle>
          <SheetDescription id="step-sheet-description">
            Read-only on a phone: open the workflow on a larger screen to change it.
          </SheetDescription>
        </SheetHeader>
        {/* Read-only here: the inspector offers no Delete or Duplicate. */}
        <SheetBody className="px-0">
          <NodeInspector workflowId={workflowId} onDelete={nothing} onDuplicate={nothing} />
        </SheetBody>
      </SheetContent>
    </Sheet>
  );
}
