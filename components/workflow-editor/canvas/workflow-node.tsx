"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { Check, CircleAlert, TriangleAlert, X } from "lucide-react";
import { memo, useMemo, type ReactNode } from "react";
import { getNodeDefinition, summarizeNode, type NodeCategory } from "@/engine";
import { cn } from "@/components/ui/cn";
import { categoryStyles } from "@/components/steps/category-styles";
import { NodeIcon } from "@/components/steps/node-icons";
import type { EditorNode } from "../model/editor-graph";
import { useEditorStore } from "../use-editor-store";
import { useTestRunNodeOutcome } from "../test-run/test-run-overlay";

const categoryNames: Record<NodeCategory, string> = { trigger: "Trigger", condition: "Condition", action: "Action" };

type NodeProblem = { count: number; message: string; severity: "error" | "warning" };

/**
 * A step's problems in brief, read through one subscription per node (a big workflow has hundreds):
 * the selector returns a string, so the node re-renders only when the count, severity or first message changes.
 */
function useNodeProblem(nodeId: string): NodeProblem | null {
  const brief = useEditorStore((state) => {
    const problems = state.problems.byNode.get(nodeId);
    if (!problems?.length) return "";
    const severity = problems.some((problem) => problem.severity === "error") ? "error" : "warning";
    return `${problems.length} ${severity} ${problems[0]!.message}`;
  });
  if (!brief) return null;
  const [count, severity, ...message] = brief.split(" ");
  return { count: Number(count), severity: severity as NodeProblem["severity"], message: message.join(" ") };
}

function WorkflowNodeCard({ id, data, selected, category }: NodeProps<EditorNode> & { category: NodeCategory }) {
  const definition = getNodeDefinition(data.kind);
  const styles = categoryStyles[category];
  const summary = useMemo(() => summarizeNode(data.kind, data.config), [data.kind, data.config]);
  const problem = useNodeProblem(id);
  const outcome = useTestRunNodeOutcome(id);
  const outputs = definition?.outputs ?? [];

  return (
    <div
      data-testid="workflow-node"
      data-kind={data.kind}
      data-node-id={id}
      data-problem={problem?.severity ?? "none"}
      data-outcome={outcome ?? undefined}
      className={cn(
        "relative w-60 rounded-lg border bg-card text-left shadow-sm transition-shadow",
        styles.border,
        outcome === "succeeded" && "ring-2 ring-success ring-offset-2",
        outcome === "failed" && "ring-2 ring-destructive ring-offset-2",
        (outcome === "waiting" || outcome === "running") && "ring-2 ring-warning ring-offset-2",
        (outcome === "skipped" || outcome === "not-reached") && "opacity-40",
        selected && "ring-2 ring-primary ring-offset-1",
        problem?.severity === "error" && "border-destructive",
      )}
    >
      <div className={cn("absolute inset-x-0 top-0 h-1 rounded-t-lg", styles.accent)} aria-hidden />
      {/*
       * The handles are for dragging only and carry no name: a div with a label but no role is
       * announced inconsistently (axe: aria-prohibited-attr). Keyboard and screen-reader users
       * connect steps with "Connect to…" in the step's settings.
       */}
      {category !== "trigger" ? (
        <Handle type="target" position={Position.Top} className="!size-3 !border-2 !border-card !bg-muted-foreground" />
      ) : null}
      <div className="flex items-start gap-2.5 p-3 pt-3.5">
        <span className={cn("mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-md", styles.iconBox)}>
          <NodeIcon name={definition?.icon} className="size-4" />
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-[11px] font-medium uppercase tracking-wide text-muted-foreground">{categoryNames[category]}</p>
          <p className="truncate font-medium">{data.label ?? definition?.label ?? "Unknown step"}</p>
          <p className="line-clamp-2 text-xs text-muted-foreground" data-testid="node-summary">
            {summary}
          </p>
        </div>
      </div>
      {outcome === "succeeded" || outcome === "failed" ? (
        <span
          className={cn(
            "absolute -top-2.5 left-2 flex items-center gap-0.5 rounded-full px-1.5 py-0.5 text-[10px] font-semibold text-white shadow",
            outcome === "succeeded" ? "bg-success" : "bg-destructive",
          )}
          data-testid="node-outcome-badge"
        >
          {outcome === "succeeded" ? <Check className="size-3" aria-hidden /> : <X className="size-3" aria-hidden />}
          {outcome === "succeeded" ? "Ran in test" : "Failed in test"}
        </span>
      ) : null}
      {problem ? (
        <span
          className={cn(
            "absolute -right-2 -top-2 flex items-center gap-0.5 rounded-full px-1.5 py-0.5 text-[11px] font-semibold text-white shadow",
            problem.severity === "error" ? "bg-destructive" : "bg-warning",
          )}
          title={problem.message}
          data-testid="node-problem-badge"
        >
          {problem.severity === "error" ? <CircleAlert className="size-3" aria-hidden /> : <TriangleAlert className="size-3" aria-hidden />}
          {problem.count}
          <span className="sr-only">
            {problem.count === 1 ? "problem" : "problems"}: {problem.message}
          </span>
        </span>
      ) : null}
      {outputs.length === 1 ? (
        <Handle
          type="source"
          position={Position.Bottom}
          id={outputs[0]!.id}
          className="!size-3 !border-2 !border-card !bg-muted-foreground"
        />
      ) : (
        outputs.map((output, index) => {
          const left = `${((index + 1) / (outputs.length + 1)) * 100}%`;
          const open = data.openHandles?.includes(output.id as "true" | "false");
          return (
            <div key={output.id}>
              <BranchLabel nodeId={id} handleId={output.id} left={left}>
                {output.label}
                {open ? " (open)" : ""}
              </BranchLabel>
              <Handle
                type="source"
                position={Position.Bottom}
                id={output.id}
                style={{ left }}
                className={cn("!size-3 !border-2 !border-card", output.id === "true" ? "!bg-success" : "!bg-destructive")}
                data-testid={`handle-${output.id}`}
              />
            </div>
          );
        })
      )}
    </div>
  );
}

/** A condition output's Yes or No under the card, until a connection leaves it: the connection then carries the word. */
function BranchLabel({ nodeId, handleId, left, children }: { nodeId: string; handleId: string; left: string; children: ReactNode }) {
  const connected = useEditorStore((state) =>
    state.graph.edges.some((edge) => edge.source === nodeId && (edge.sourceHandle ?? "out") === handleId),
  );
  if (connected) return null;
  return (
    <span
      className={cn(
        "absolute -bottom-5 -translate-x-1/2 rounded px-1 text-[11px] font-semibold",
        handleId === "true" ? "text-success" : "text-destructive",
      )}
      style={{ left }}
    >
      {children}
    </span>
  );
}

/**
 * A card draws only its id, data and selection. React Flow also passes the measured size and the
 * position, which change for every node once it is measured (and for a dragged node on every frame):
 * re-drawing hundreds of cards for those is wasted work.
 */
function sameCard(previous: NodeProps<EditorNode>, next: NodeProps<EditorNode>): boolean {
  return previous.id === next.id && previous.data === next.data && previous.selected === next.selected;
}

export const TriggerNode = memo(function TriggerNode(props: NodeProps<EditorNode>) {
  return <WorkflowNodeCard {...props} category="trigger" />;
}, sameCard);

export const ConditionNode = memo(function ConditionNode(props: NodeProps<EditorNode>) {
  return <WorkflowNodeCard {...props} category="condition" />;
}, sameCard);

export const ActionNode = memo(function ActionNode(props: NodeProps<EditorNode>) {
  return <WorkflowNodeCard {...props} category="action" />;
}, sameCard);
