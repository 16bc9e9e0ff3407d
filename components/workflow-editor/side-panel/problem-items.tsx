"use client";

import { CircleAlert, TriangleAlert } from "lucide-react";
import type { ValidationError } from "@/engine";
import { stepTitle } from "../model/problem-index";
import { useEditorStore } from "../use-editor-store";

/**
 * Problems in plain words, each led by its step's name as the canvas shows it; clicking one selects
 * that step. The Problems tab and the Publish dialog both list them this way.
 */
export function ProblemItems({
  problems,
  onShowNode,
  testId = "problems-list",
}: {
  problems: readonly ValidationError[];
  onShowNode: (nodeId: string) => void;
  testId?: string;
}) {
  const nodes = useEditorStore((state) => state.graph.nodes);
  return (
    <ul className="grid gap-0.5" data-testid={testId}>
      {problems.map((problem, index) => {
        const node = problem.nodeId ? nodes.find((candidate) => candidate.id === problem.nodeId) : undefined;
        const name = stepTitle(node);
        // Unfinished paths are amber on the canvas while drawing; both stop publishing.
        const unfinished = problem.severity === "warning";
        const Icon = unfinished ? TriangleAlert : CircleAlert;
        const content = (
          <>
            <Icon className={unfinished ? "mt-0.5 size-4 shrink-0 text-warning" : "mt-0.5 size-4 shrink-0 text-destructive"} aria-hidden />
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
            {node ? (
              <button
                type="button"
                onClick={() => onShowNode(node.id)}
                className="flex w-full items-start gap-2 rounded px-1 py-1 text-left text-sm hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                aria-label={`${name}: ${problem.message} (show this step)`}
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
  );
}
