"use client";

import { CircleCheck, LoaderCircle } from "lucide-react";
import { useMemo } from "react";
import { hasTemplates, loadedTemplateChecker } from "../model/template-checker";
import { useServerProblems } from "../model/server-problems";
import { useEditorStore, useEditorStoreApi } from "../use-editor-store";
import { ProblemItems } from "./problem-items";

/**
 * What stops publishing, in plain words; clicking a problem selects and shows its step. The same list
 * the Publish dialog shows and the server refuses with (unfinished paths included).
 */
export function ProblemsList({ onShowNode }: { onShowNode: (nodeId: string) => void }) {
  const store = useEditorStoreApi();
  const blocking = useEditorStore((state) => state.problems.blocking);
  const unfinished = useEditorStore((state) => state.problems.warningCount);
  const templatesPending = useEditorStore((state) => !loadedTemplateChecker() && hasTemplates(state.graph));
  const fromServer = useServerProblems(store);
  const problems = useMemo(() => [...blocking, ...fromServer], [blocking, fromServer]);

  if (problems.length === 0) {
    return templatesPending ? (
      <p className="flex items-center gap-2 p-3 text-sm text-muted-foreground" role="status">
        <LoaderCircle className="size-4 animate-spin" aria-hidden /> Checking the messages…
      </p>
    ) : (
      <p className="flex items-center gap-2 p-3 text-sm text-success" data-testid="no-problems">
        <CircleCheck className="size-4" aria-hidden /> Nothing blocks publishing: this workflow is ready to publish.
      </p>
    );
  }

  return (
    <div className="grid gap-1 p-2">
      <p className="px-1 text-xs text-muted-foreground" data-testid="problems-summary">
        {problems.length} to fix before publishing
        {unfinished > 0 ? ` (${unfinished} ${unfinished === 1 ? "is an unfinished path" : "are unfinished paths"})` : ""}
      </p>
      <ProblemItems problems={problems} onShowNode={onShowNode} />
    </div>
  );
}
