"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { getNodeDefinition } from "@/engine";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";

const listedReasons = 3;

/** The import's toast, by workflow: opening the workflow dismisses it (the editor then says the same). */
export const importToastId = (workflowId: string) => `import-${workflowId}`;

/** Each step's name as the canvas shows it, from the pasted graph. */
function stepNames(graph: unknown): Map<string, string> {
  const nodes = (graph as { nodes?: unknown }).nodes;
  const names = new Map<string, string>();
  if (!Array.isArray(nodes)) return names;
  for (const node of nodes as Array<{ id?: unknown; kind?: unknown; label?: unknown }>) {
    if (typeof node?.id !== "string") continue;
    const label = typeof node.label === "string" && node.label ? node.label : getNodeDefinition(String(node.kind))?.label;
    if (label) names.set(node.id, label);
  }
  return names;
}

/** Why an imported workflow stayed a draft, in the engine's words: the first few, then how many more. */
function DraftReasons({ reasons }: { reasons: readonly string[] }) {
  const more = reasons.length - listedReasons;
  return (
    <div className="grid gap-1" data-testid="import-draft-reasons">
      <p>
        It was saved as a draft and not published: {reasons.length === 1 ? "one problem needs" : `${reasons.length} problems need`} fixing
        first.
      </p>
      <ul className="list-disc pl-4">
        {reasons.slice(0, listedReasons).map((reason, index) => (
          <li key={index}>{reason}</li>
        ))}
      </ul>
      {more > 0 ? <p>…and {more} more, listed in the editor's Problems tab.</p> : null}
    </div>
  );
}

/**
 * Creates a workflow from its JSON graph (exported from another workspace, or written by hand). With
 * "Publish it now", a graph that can't be published is still imported, as a draft, and the toast says
 * why it wasn't published; one that is published is off until turned on, and the toast offers that.
 */
export function ImportWorkflowDialog({ trigger }: { trigger: ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [json, setJson] = useState("");
  const [publish, setPublish] = useState(true);
  const [parseError, setParseError] = useState<string | null>(null);
  const importJson = useMutation(trpc.workflow.importJson.mutationOptions());
  // Refusals are explained in the import's own toast, not the generic one.
  const publishDraft = useMutation(trpc.workflow.publish.mutationOptions({ onError: () => undefined }));
  const setEnabled = useMutation(trpc.workflow.setEnabled.mutationOptions());
  const busy = importJson.isPending || publishDraft.isPending;
  const refreshList = () => queryClient.invalidateQueries({ queryKey: trpc.workflow.list.queryKey() });

  /** The reasons the draft can't be published (empty when it can), in the engine's words. */
  async function publishProblems(workflowId: string, graph: unknown): Promise<string[]> {
    try {
      const { problems } = await queryClient.fetchQuery({ ...trpc.workflow.publishCheck.queryOptions({ workflowId }), staleTime: 0 });
      const names = stepNames(graph);
      // Led by the step's name, as in the editor's Problems tab.
      return problems.map((problem) => {
        const name = problem.nodeId ? names.get(problem.nodeId) : undefined;
        return name ? `${name}: ${problem.message}` : problem.message;
      });
    } catch {
      return []; // Publishing checks again and says what is wrong.
    }
  }

  /** Publishes the imported draft, or says plainly why it stays one. */
  async function publishImported(workflowId: string, workflowName: string, graph: unknown) {
    const openIt = { label: "Open it", onClick: () => router.push(`/workflows/${workflowId}`) };
    let reasons = await publishProblems(workflowId, graph);
    if (reasons.length === 0) {
      try {
        await publishDraft.mutateAsync({ workflowId });
      } catch (error) {
        reasons = [error instanceof Error ? error.message : "The workflow could not be published."];
      }
    }
    if (reasons.length > 0) {
      toast.warning(`“${workflowName}” imported as a draft`, {
        description: <DraftReasons reasons={reasons} />,
        id: importToastId(workflowId),
        action: openIt,
        duration: 20_000,
      });
      return;
    }
    toast.success(`“${workflowName}” imported · Published · Off`, {
      description: "Nothing runs until it is on. Turn it on to run it on every new matching event.",
      action: {
        label: "Turn on",
        onClick: () =>
          setEnabled.mutate(
            { workflowId, enabled: true },
            {
              onSuccess: async () => {
                toast.success(`“${workflowName}” is on: it runs on every new matching event.`);
                await refreshList();
              },
            },
          ),
      },
      id: importToastId(workflowId),
      duration: 10_000,
    });
  }

  async function importWorkflow(graph: unknown) {
    const workflowName = name.trim();
    let workflowId: string;
    try {
      ({ id: workflowId } = await importJson.mutateAsync({ name, graph, publish: false }));
    } catch {
      return; // The server's reason is in a toast; the dialog stays open to fix the JSON.
    }
    if (publish) await publishImported(workflowId, workflowName, graph);
    else toast.success(`Workflow “${workflowName}” created as a draft`);
    await refreshList();
    setOpen(false);
    setName("");
    setJson("");
  }

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
            void importWorkflow(graph);
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
          <div className="grid gap-1">
            <label className="flex items-center gap-2 text-sm">
              <Switch checked={publish} onCheckedChange={setPublish} aria-label="Publish now" aria-describedby="import-publish-help" />{" "}
              Publish it now
            </label>
            <p id="import-publish-help" className="text-xs text-muted-foreground">
              It stays off until you turn it on. If it can't be published yet, it is saved as a draft and you'll see why.
            </p>
          </div>
          <DialogFooter>
            <Button type="submit" disabled={busy}>
              {busy ? "Importing…" : "Import workflow"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
