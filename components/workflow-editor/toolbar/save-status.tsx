import { CircleAlert, CircleCheck, LoaderCircle } from "lucide-react";
import type { SaveStatus } from "../commands/use-autosave";

const labels: Record<SaveStatus, string> = {
  saved: "Saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  error: "Couldn't save",
  conflict: "Not saved: changed elsewhere",
};

export function SaveStatusIndicator({
  status,
  errorMessage,
  onRetry,
}: {
  status: SaveStatus;
  errorMessage: string | null;
  onRetry: () => void;
}) {
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-status={status}
      className="flex shrink-0 items-center gap-1.5 whitespace-nowrap text-xs text-muted-foreground"
    >
      {status === "saving" ? <LoaderCircle className="size-3.5 animate-spin" aria-hidden /> : null}
      {status === "saved" ? <CircleCheck className="size-3.5 text-success" aria-hidden /> : null}
      {status === "error" || status === "conflict" ? <CircleAlert className="size-3.5 text-destructive" aria-hidden /> : null}
      <span className={status === "error" || status === "conflict" ? "text-destructive" : undefined} title={errorMessage ?? undefined}>
        {labels[status]}
      </span>
      {status === "error" ? (
        <button type="button" className="underline" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </span>
  );
}
