"use client";

import { CircleAlert, CircleCheck, TriangleAlert } from "lucide-react";
import { getNodeDefinition } from "@/engine";
import { useEditorStore } from "../use-editor-store";

/** Every problem in plain words; clicking one selects and shows the step it is about. */
export function ProblemsList({ onShowNode }: { onShowNode: (nodeId: string) => void }) {
  const problems = useEditorStore((state) => state.problems);
  const nodes = useEditorStore((state) => state.graph.nodes);

  if (problems.all.length === 0) {
    return (
      <p className="flex items-center gap-2 p-3 text-sm text-success" data-testid="no-problems">
        <CircleCheck className="size-4" aria-hidden /> No problems: this workflow is ready to publish.
      </p>
    );
  }

  const stepName = (nodeId: string | undefined) => {
    const node = nodeId ? nodes.find((candidate) => candidate.id === nodeId) : undefined;
    return node ? (node.data.label ?? getNodeDefinition(node.data.kind)?.label ?? "Step") : null;
  };

  return (
    <div className="grid gap-1 p-2">
      <p className="px-1 text-xs text-muted-foreground">
        {problems.errorCount > 0 ? `${problems.errorCount} to fix before publishing` : "Nothing blocks publishing"}
        {problems.warningCount > 0 ? ` · ${problems.warningCount} unfinished ${problems.warningCount === 1 ? "path" : "paths"}` : ""}
      </p>
      <ul className="grid gap-0.5" data-testid="problems-list">
        {problems.all.map((problem, index) => {
          const name = stepName(problem.nodeId);
          const Icon = problem.severity === "error" ? CircleAlert : TriangleAlert;
          const content = (
            <>
              <Icon
                className={problem.severity === "error" ? "mt-0.5 size-4 shrink-0 text-destructive" : "mt-0.5 size-4 shrink-0 text-warning"}
                aria-hidden
              />
              <span>
                {name ? <span className="font-medium">{name}: </span> : null}
                {problem.message}
              </span>
            </>
          );
          return (
            <li
              key={`${problem.code}-${problem.nodeId ?? problem.edgeId ?? ""}-${problem.field ?? problem.handle ?? ""}-${index}`}
              data-testid="problem"
              data-severity={problem.severity}
            >
              {problem.nodeId ? (
                <button
                  type="button"
                  onClick={() => onShowNode(problem.nodeId!)}
                  className="flex w-full items-start gap-2 rounded px-1 py-1 text-left text-sm hover:bg-muted"
                >
                  {content}
                </button>
              ) : (
                <p className="flex items-start gap-2 px-1 py-1 text-sm">{content}</p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
