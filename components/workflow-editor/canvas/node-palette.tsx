"use client";

import { Plus } from "lucide-react";
import { memo } from "react";
import { nodeCategories, nodeDefinitionsInCategory, type AnyNodeDefinition, type NodeKind } from "@/engine";
import { cn } from "@/components/ui/cn";
import { categoryStyles } from "@/components/steps/category-styles";
import { NodeIcon } from "@/components/steps/node-icons";
import { useEditorStore } from "../use-editor-store";
import { startStepDrag } from "../model/step-drag";
import { useAddStep } from "../commands/use-add-step";

const paletteGroups = nodeCategories.map((category) => ({
  ...category,
  label: category.id === "trigger" ? "Triggers" : category.label,
  definitions: nodeDefinitionsInCategory(category.id),
}));

function whyUnavailable(definition: AnyNodeDefinition, eventType: string | null, hasTrigger: boolean): string | null {
  if (definition.category === "trigger") return hasTrigger ? "This workflow already has its trigger" : null;
  if (eventType && !definition.fitsEventTypes.includes(eventType as never)) return "Doesn't work with this trigger";
  return null;
}

/** Steps to drag onto the canvas, or click (Enter) to add under the selected step. */
export const NodePalette = memo(function NodePalette() {
  const eventType = useEditorStore((state) => state.eventType);
  const hasTrigger = useEditorStore((state) => state.graph.nodes.some((node) => node.data.kind === "trigger"));
  const addStep = useAddStep();

  return (
    <nav aria-label="Steps" className="flex h-full flex-col gap-4 overflow-y-auto p-3">
      <p className="text-xs text-muted-foreground">Drag a step onto the canvas, or click it to add it under the selected step.</p>
      {paletteGroups.map((group) => (
        <section key={group.id} aria-labelledby={`palette-${group.id}`}>
          <h3 id={`palette-${group.id}`} className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
            {group.label}
          </h3>
          <ul className="grid gap-1.5">
            {group.definitions.map((definition) => {
              const unavailable = whyUnavailable(definition, eventType, hasTrigger);
              return (
                <li key={definition.kind}>
                  <button
                    type="button"
                    draggable={!unavailable}
                    disabled={Boolean(unavailable)}
                    onDragStart={(event) => startStepDrag(event.dataTransfer, definition.kind as NodeKind)}
                    onClick={() => addStep(definition.kind as NodeKind)}
                    title={unavailable ?? definition.description}
                    data-testid={`palette-${definition.kind}`}
                    className="group flex w-full items-start gap-2 rounded-md border bg-card p-2 text-left hover:border-primary/50 hover:bg-muted disabled:cursor-not-allowed disabled:opacity-50"
                  >
                    <span
                      className={cn(
                        "flex size-7 shrink-0 items-center justify-center rounded",
                        categoryStyles[definition.category].iconBox,
                      )}
                    >
                      <NodeIcon name={definition.icon} className="size-4" />
                    </span>
                    <span className="min-w-0 flex-1">
                      <span className="block text-sm font-medium">{definition.label}</span>
                      <span className="block text-xs text-muted-foreground">{unavailable ?? definition.description}</span>
                    </span>
                    <Plus className="mt-1 size-3.5 shrink-0 opacity-0 group-hover:opacity-60" aria-hidden />
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
});
