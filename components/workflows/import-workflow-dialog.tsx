"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";

/** Creates a workflow from its JSON graph (exported from another workspace, or written by hand). */
export function ImportWorkflowDialog({ trigger }: { trigger: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [json, setJson] = useState("");
  const [publish, setPublish] = useState(true);
  const [parseError, setParseError] = useState<string | null>(null);
  const importJson = useMutation(
    trpc.workflow.importJson.mutationOptions({
      onSuccess: async () => {
        toast.success(`Workflow “${name}” created`);
        setOpen(false);
        setName("");
        setJson("");
        await queryClient.invalidateQueries({ queryKey: trpc.workflow.list.queryKey() });
      },
    }),
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-w-2xl">
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            let graph: unknown;
            try {
              graph = JSON.parse(json);
            } catch {
              setParseError("That is not valid JSON. Paste the whole workflow graph, starting with {.");
              return;
            }
            setParseError(null);
            importJson.mutate({ name, graph, publish });
          }}
        >
          <DialogHeader>
            <DialogTitle>Import a workflow</DialogTitle>
            <DialogDescription>Paste a workflow graph as JSON: {'{ "version": 1, "nodes": [...], "edges": [...] }'}.</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="import-name">Name</Label>
            <Input
              id="import-name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              required
              placeholder="Missed call text-back"
            />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="import-json">Workflow JSON</Label>
            <Textarea
              id="import-json"
              className="min-h-48 font-mono text-xs"
              value={json}
              onChange={(event) => setJson(event.target.value)}
              required
              aria-invalid={parseError ? true : undefined}
            />
            {parseError ? <p className="text-xs text-destructive">{parseError}</p> : null}
          </div>
          <label className="flex items-center gap-2 text-sm">
            <Switch checked={publish} onCheckedChange={setPublish} aria-label="Publish now" /> Publish it now
          </label>
          <DialogFooter>
            <Button type="submit" disabled={importJson.isPending}>
              {importJson.isPending ? "Importing…" : "Import workflow"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
