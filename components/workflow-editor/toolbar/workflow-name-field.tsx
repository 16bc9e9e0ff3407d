"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-react";

/** The workflow's name, renamed in place: Enter or leaving the field saves, Escape cancels. */
export function WorkflowNameField({ workflowId, name, readOnly }: { workflowId: string; name: string; readOnly: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(name);
  const rename = useMutation(
    trpc.workflow.rename.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.workflow.get.queryKey({ workflowId }) }),
      onError: (error) => {
        setDraft(name);
        toast.error(error.message);
      },
    }),
  );

  // The editor's heading is its sr-only h1; this is the name as seen, cut with an ellipsis when long.
  if (readOnly)
    return (
      <p className="min-w-0 truncate text-base font-semibold" title={name} data-testid="workflow-name">
        {name}
      </p>
    );

  const commit = () => {
    const next = draft.trim();
    if (!next) return setDraft(name);
    if (next !== name) rename.mutate({ workflowId, name: next });
  };

  const empty = draft.trim() === "";
  return (
    <div className="relative min-w-0 shrink">
      <input
        aria-label="Workflow name"
        title={draft}
        aria-invalid={empty || undefined}
        aria-describedby={empty ? `${workflowId}-name-problem` : undefined}
        className="field-sizing-content w-full min-w-24 max-w-md truncate rounded-md border border-transparent bg-transparent px-1.5 py-0.5 text-base font-semibold hover:border-border focus:border-border aria-invalid:border-destructive"
        value={draft}
        maxLength={120}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") event.currentTarget.blur();
          if (event.key === "Escape") {
            setDraft(name);
            requestAnimationFrame(() => (event.target as HTMLInputElement).blur());
          }
        }}
      />
      {empty ? (
        <p
          id={`${workflowId}-name-problem`}
          role="alert"
          className="absolute top-full left-0 z-20 mt-1 w-max max-w-72 rounded-md border border-destructive/40 bg-card px-2 py-1 text-xs text-destructive shadow-sm"
        >
          A workflow needs a name. Type one, or leave the field to keep “{name}”.
        </p>
      ) : null}
    </div>
  );
}
