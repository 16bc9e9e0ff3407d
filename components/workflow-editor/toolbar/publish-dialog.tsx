"use client";

import { Rocket } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { validateGraphWith } from "@/engine";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { storedGraphOf } from "../model/editor-graph";
import { useEditorStore } from "../use-editor-store";
import { hasTemplates, loadedTemplateChecker, loadTemplateChecker } from "../model/template-checker";

/** Publishing makes the saved draft the version that runs; a note says what changed. */
export function PublishDialog({ onPublish, busy }: { onPublish: (note: string) => Promise<boolean>; busy: boolean }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const graph = useEditorStore((state) => state.graph);
  const [checkTemplate, setCheckTemplate] = useState(loadedTemplateChecker);
  const [checkerFailed, setCheckerFailed] = useState(false);
  // Templates are checked before publishing: wait for Liquid if it hasn't loaded yet (if it can't
  // load, the server's own check on publishing still refuses a broken template).
  const waitingForChecker = open && !checkTemplate && !checkerFailed && hasTemplates(graph);
  useEffect(() => {
    if (!waitingForChecker) return;
    loadTemplateChecker().then(
      (checker) => setCheckTemplate(() => checker),
      () => setCheckerFailed(true),
    );
  }, [waitingForChecker]);
  const blocking = useMemo(
    () =>
      open
        ? validateGraphWith(storedGraphOf(graph), { mode: "publish", checkTemplate }).filter((problem) => problem.severity === "error")
        : [],
    [checkTemplate, graph, open],
  );

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">
          <Rocket aria-hidden /> Publish
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form
          className="grid gap-4"
          onSubmit={async (event) => {
            event.preventDefault();
            if (await onPublish(note.trim())) {
              setOpen(false);
              setNote("");
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
                Fix {blocking.length === 1 ? "this problem" : `these ${blocking.length} problems`} first:
              </p>
              <ul className="mt-1 list-disc pl-5">
                {blocking.slice(0, 5).map((problem, index) => (
                  <li key={index}>{problem.message}</li>
                ))}
              </ul>
            </div>
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
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={busy || waitingForChecker || blocking.length > 0}>
              {busy ? "Publishing…" : "Publish now"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
