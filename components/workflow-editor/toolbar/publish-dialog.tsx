"use client";

import { CircleCheck, LoaderCircle, Rocket } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useShowStep } from "../commands/use-show-step";
import { useServerProblems } from "../model/server-problems";
import { hasTemplates, loadedTemplateChecker, loadTemplateChecker } from "../model/template-checker";
import { ProblemItems } from "../side-panel/problem-items";
import { useEditorStore, useEditorStoreApi } from "../use-editor-store";

const hasWebhooks = (kinds: readonly string[]) => kinds.includes("action.webhook");

/**
 * Publishing makes the saved draft the version that runs; a note says what changed. What blocks it is
 * the Problems tab's own list, each problem opening its step. Once published, a workflow that is off
 * is offered "Turn on" right here.
 */
export function PublishDialog({
  onPublish,
  busy,
  enabled,
  onTurnOn,
  turningOn,
  onCheck,
  checking,
}: {
  onPublish: (note: string) => Promise<number | null>;
  busy: boolean;
  /** Whether the workflow is switched on. */
  enabled: boolean;
  onTurnOn: () => Promise<boolean>;
  turningOn: boolean;
  /** Asks the server about what only it can check (webhook addresses). */
  onCheck: () => Promise<void>;
  checking: boolean;
}) {
  const store = useEditorStoreApi();
  const showStep = useShowStep();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [published, setPublished] = useState<number | null>(null);
  const blockingHere = useEditorStore((state) => state.problems.blocking);
  const fromServer = useServerProblems(store);
  const blocking = useMemo(() => [...blockingHere, ...fromServer], [blockingHere, fromServer]);
  const kinds = useEditorStore((state) => state.graph.nodes.map((node) => node.data.kind).join(" "));
  const templatesPending = useEditorStore((state) => !loadedTemplateChecker() && hasTemplates(state.graph));
  const [checkerFailed, setCheckerFailed] = useState(false);
  // Templates are checked before publishing: wait for Liquid if it hasn't loaded yet (if it can't
  // load, the server's own check on publishing still refuses a broken template).
  const waitingForChecker = open && templatesPending && !checkerFailed;
  useEffect(() => {
    if (waitingForChecker) loadTemplateChecker().catch(() => setCheckerFailed(true));
  }, [waitingForChecker]);
  const withWebhooks = hasWebhooks(kinds.split(" "));
  const check = useRef(onCheck);
  useEffect(() => {
    check.current = onCheck;
  });
  useEffect(() => {
    // Webhook addresses are checked where only the server can: as the dialog opens.
    if (open && withWebhooks) void check.current();
  }, [open, withWebhooks]);

  function close() {
    setOpen(false);
    setPublished(null);
  }

  function showProblem(nodeId: string) {
    close();
    showStep(nodeId);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
      <DialogTrigger asChild>
        <Button size="sm">
          <Rocket aria-hidden /> Publish
        </Button>
      </DialogTrigger>
      <DialogContent>
        {published !== null ? (
          <div className="grid gap-4" data-testid="published-dialog">
            <DialogHeader>
              <DialogTitle className="flex items-center gap-2">
                <CircleCheck className="size-5 text-success" aria-hidden /> Published version {published}
              </DialogTitle>
              <DialogDescription>
                {enabled
                  ? "The workflow is on: every new matching event runs this version."
                  : "The workflow is off, so nothing runs yet. Turn it on to run this version on every new matching event."}
              </DialogDescription>
            </DialogHeader>
            <DialogFooter>
              {enabled ? (
                <Button type="button" onClick={close}>
                  Done
                </Button>
              ) : (
                <>
                  <Button type="button" variant="secondary" onClick={close}>
                    Not now
                  </Button>
                  <Button
                    type="button"
                    disabled={turningOn}
                    autoFocus
                    onClick={async () => {
                      if (await onTurnOn()) close();
                    }}
                  >
                    {turningOn ? "Turning on…" : "Turn on"}
                  </Button>
                </>
              )}
            </DialogFooter>
          </div>
        ) : (
          <form
            className="grid gap-4"
            onSubmit={async (event) => {
              event.preventDefault();
              const number = await onPublish(note.trim());
              if (number !== null) {
                setNote("");
                setPublished(number);
              }
            }}
          >
            <DialogHeader>
              <DialogTitle>Publish this workflow</DialogTitle>
              <DialogDescription>The draft is saved and becomes the version that runs when the workflow is on.</DialogDescription>
            </DialogHeader>
            {blocking.length > 0 ? (
              <div role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">
                <p className="font-medium text-destructive">
                  Fix {blocking.length === 1 ? "this problem" : `these ${blocking.length} problems`} first (click one to open its step):
                </p>
                <div className="mt-1 max-h-60 overflow-y-auto">
                  <ProblemItems problems={blocking} onShowNode={showProblem} testId="publish-problems" />
                </div>
              </div>
            ) : null}
            {waitingForChecker || checking ? (
              <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
                <LoaderCircle className="size-4 animate-spin" aria-hidden />
                {checking ? "Checking the webhook addresses…" : "Checking the messages…"}
              </p>
            ) : null}
            <div className="grid gap-1.5">
              <Label htmlFor="publish-note">What changed? (optional)</Label>
              <Textarea
                id="publish-note"
                value={note}
                maxLength={500}
                rows={3}
                placeholder="Added a text back for first-time callers"
                onChange={(event) => setNote(event.target.value)}
              />
            </div>
            <DialogFooter>
              <Button type="button" variant="secondary" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" disabled={busy || waitingForChecker || checking || blocking.length > 0}>
                {busy ? "Publishing…" : "Publish now"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
