"use client";

import { Plus } from "lucide-react";
import { Fragment } from "react";
import { nodeCategories, nodeDefinitionsInCategory, type NodeKind } from "@/engine";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { NodeIcon } from "@/components/steps/node-icons";
import { useEditorStore } from "../use-editor-store";
import { useAddStep } from "../commands/use-add-step";

const stepGroups = nodeCategories
  .filter((category) => category.id !== "trigger")
  .map((category) => ({ ...category, definitions: nodeDefinitionsInCategory(category.id) }));

/** The steps that can follow another, grouped, as menu items; the ones that don't fit the trigger are greyed out. */
export function StepKindMenuItems({ onPick }: { onPick: (kind: NodeKind) => void }) {
  const eventType = useEditorStore((state) => state.eventType);
  return stepGroups.map((group, index) => (
    <Fragment key={group.id}>
      {index > 0 ? <DropdownMenuSeparator /> : null}
      <DropdownMenuLabel>{group.label}</DropdownMenuLabel>
      {group.definitions.map((definition) => {
        const fits = !eventType || definition.fitsEventTypes.includes(eventType);
        return (
          <DropdownMenuItem key={definition.kind} disabled={!fits} onSelect={() => onPick(definition.kind as NodeKind)}>
            <NodeIcon name={definition.icon} /> {definition.label}
          </DropdownMenuItem>
        );
      })}
    </Fragment>
  ));
}

/** The keyboard way to add a step: arrow keys and Enter, no dragging needed. */
export function AddStepMenu() {
  const addStep = useAddStep();
  return (
    // Icon-only unless the header is very wide, like Tidy up, so it leaves the workflow's name room.
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="secondary" size="sm" aria-label="Add step" title="Add a step under the selected one">
          <Plus aria-hidden /> <span className="hidden @min-[90rem]:inline">Add step</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-h-[70vh] overflow-y-auto">
        <StepKindMenuItems onPick={addStep} />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
