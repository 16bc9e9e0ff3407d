"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { getNodeDefinition, summarizeNode, type FlowNodeData, type NodeCategory } from "@/engine";
import { cn } from "@/components/ui/cn";
import { categoryStyles } from "@/components/steps/category-styles";
import { NodeIcon } from "@/components/steps/node-icons";
import { outcomeStyles } from "./outcome-styles";
import type { NodeOutcome } from "./run-path";

export type RunPathNodeData = FlowNodeData & { outcome: NodeOutcome; branch: "true" | "false" | null; focused: boolean };
export type RunPathFlowNode = Node<RunPathNodeData, "runStep">;

const hiddenHandle = "!size-2 !min-h-0 !min-w-0 !border-0 !bg-transparent";

/** A step as the editor draws it, read-only, framed by what happened to it in this run. */
export const RunPathNode = memo(function RunPathNode({ id, data }: NodeProps<RunPathFlowNode>) {
  const definition = getNodeDefinition(data.kind);
  const category: NodeCategory = definition?.category ?? "action";
  const styles = categoryStyles[category];
  const outcome = outcomeStyles[data.outcome];
  const OutcomeIcon = outcome.icon;
  const outputs = definition?.outputs ?? [];

  return (
    <div
      data-testid="run-node"
      data-node-id={id}
      data-kind={data.kind}
      data-outcome={data.outcome}
      data-focused={data.focused}
      className={cn(
        "relative w-60 cursor-pointer rounded-lg border bg-card text-left shadow-sm transition",
        outcome.frame,
        data.focused && "outline-2 outline-offset-4 outline-primary",
      )}
    >
      <div className={cn("absolute inset-x-0 top-0 h-1 rounded-t-lg", styles.accent)} aria-hidden />
      {category !== "trigger" ? <Handle type="target" position={Position.Top} className={hiddenHandle} isConnectable={false} /> : null}
      <div className="flex items-start gap-2.5 p-3 pt-3.5">
        <span className={cn("mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-md", styles.iconBox)}>
          <NodeIcon name={definition?.icon} className="size-4" />
        </span>
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium">{data.label ?? definition?.label ?? "Unknown step"}</p>
          <p className="line-clamp-2 text-xs text-muted-foreground">{summarizeNode(data.kind, data.config)}</p>
          <p className="mt-1 flex items-center gap-1 text-xs font-medium">
            <OutcomeIcon className={cn("size-3.5", outcome.badge)} aria-hidden />
            {outcome.label}
            {data.branch ? <span className="text-muted-foreground"> · took “{data.branch === "true" ? "Yes" : "No"}”</span> : null}
          </p>
        </div>
      </div>
      {outputs.map((output, index) => (
        <Handle
          key={output.id}
          type="source"
          position={Position.Bottom}
          id={output.id}
          isConnectable={false}
          className={hiddenHandle}
          style={outputs.length > 1 ? { left: `${((index + 1) / (outputs.length + 1)) * 100}%` } : undefined}
        />
      ))}
      {outputs.length > 1
        ? outputs.map((output, index) => (
            <span
              key={output.id}
              className={cn(
                "absolute -bottom-5 -translate-x-1/2 rounded px-1 text-[11px] font-semibold",
                output.id === "true" ? "text-success" : "text-destructive",
                data.branch && data.branch !== output.id && "opacity-40",
              )}
              style={{ left: `${((index + 1) / (outputs.length + 1)) * 100}%` }}
            >
              {output.label}
            </span>
          ))
        : null}
    </div>
  );
});
