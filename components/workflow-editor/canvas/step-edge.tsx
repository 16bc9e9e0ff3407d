"use client";

import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from "@xyflow/react";
import { Plus } from "lucide-react";
import { memo } from "react";
import { cn } from "@/components/ui/cn";
import { DropdownMenu, DropdownMenuContent, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useInsertStep } from "../commands/use-add-step";
import { StepKindMenuItems } from "../toolbar/add-step-menu";
import { useEditorStore } from "../use-editor-store";

/** What the canvas tells a connection about its ends, for the words a screen reader says. */
export type StepEdgeData = { from: string; to: string };
export type StepEdgeType = Edge<StepEdgeData, "step">;

const branchLabels: Record<string, string> = { true: "Yes", false: "No" };

function InsertStepButton({ edgeId, from, to }: { edgeId: string; from: string; to: string }) {
  const insertStep = useInsertStep();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <button
          type="button"
          className="flex size-5 items-center justify-center rounded-full border bg-card text-muted-foreground shadow-sm hover:border-primary hover:text-primary focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring"
          aria-label={`Add a step between ${from} and ${to}`}
          title="Add a step here"
          data-testid="edge-insert"
        >
          <Plus className="size-3" aria-hidden />
        </button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="center" className="max-h-[60vh] overflow-y-auto">
        <StepKindMenuItems onPick={(kind) => insertStep(edgeId, kind)} />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/**
 * A connection: a rounded line, with the condition's "Yes"/"No" when it leaves a condition, and a
 * "+" in its middle to put a new step into it.
 */
export const StepEdge = memo(function StepEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  sourceHandleId,
  style,
  markerEnd,
  interactionWidth,
  data,
}: EdgeProps<StepEdgeType>) {
  const readOnly = useEditorStore((state) => state.readOnly);
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const branch = sourceHandleId ? branchLabels[sourceHandleId] : undefined;

  return (
    <>
      <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} interactionWidth={interactionWidth} />
      {branch || !readOnly ? (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan pointer-events-auto absolute flex items-center gap-1"
            // Above the cards a connection crosses, like the line itself.
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, zIndex: 1 }}
            data-testid="edge-label"
            data-edge-id={id}
          >
            {branch ? (
              <span
                className={cn(
                  "rounded border bg-card px-1 text-[11px] font-semibold leading-4",
                  sourceHandleId === "true" ? "border-success/50 text-success" : "border-destructive/50 text-destructive",
                )}
                aria-hidden
              >
                {branch}
              </span>
            ) : null}
            {readOnly ? null : <InsertStepButton edgeId={id} from={data?.from ?? "this step"} to={data?.to ?? "the next step"} />}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});
