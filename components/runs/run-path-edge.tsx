"use client";

import { BaseEdge, getSmoothStepPath, type Edge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { edgeStyles } from "./outcome-styles";
import type { EdgeOutcome } from "./run-path";

export type RunPathFlowEdge = Edge<{ outcome: EdgeOutcome }, "runPath">;

/** An edge drawn green when the run went along it, faint and dashed when it did not. */
export const RunPathEdge = memo(function RunPathEdge(props: EdgeProps<RunPathFlowEdge>) {
  const [path] = getSmoothStepPath(props);
  const outcome = props.data?.outcome ?? "not-taken";
  return (
    <g data-testid="run-edge" data-edge-id={props.id} data-source={props.source} data-target={props.target} data-outcome={outcome}>
      <BaseEdge id={props.id} path={path} style={edgeStyles[outcome]} markerEnd={props.markerEnd} />
    </g>
  );
});
