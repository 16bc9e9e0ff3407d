"use client";

import { Link2 } from "lucide-react";
import { toast } from "sonner";
import { getNodeDefinition, summarizeNode } from "@/engine";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { EditorNode } from "../model/editor-graph";
import { checkConnection, connectNodes } from "../model/graph-operations";
import { useEditorActions, useEditorStore, useEditorStoreApi } from "../use-editor-store";

function stepName(node: EditorNode): string {
  return node.data.label ?? getNodeDefinition(node.data.kind)?.label ?? "Unknown step";
}

/** Every other step, and whether this output may lead to it: drawn only while the menu is open. */
function TargetItems({ nodeId, handle }: { nodeId: string; handle: string }) {
  const store = useEditorStoreApi();
  const { change } = useEditorActions();
  const nodes = useEditorStore((state) => state.graph.nodes);
  const others = nodes.filter((node) => node.id !== nodeId);
  if (others.length === 0) return <DropdownMenuLabel className="font-normal">Add another step first.</DropdownMenuLabel>;

  function connect(target: EditorNode) {
    let refusal: string | null = null;
    change((graph) => {
      const result = connectNodes(graph, { source: nodeId, sourceHandle: handle, target: target.id });
      if ("reason" in result) {
        refusal = result.reason;
        return graph;
      }
      return result.graph;
    });
    if (refusal) toast.error(refusal, { id: "connection-refused" });
    else toast.success(`Connected to ${stepName(target)}`, { id: "connection-made" });
  }

  return others.map((target) => {
    const check = checkConnection(store.getState().graph, { source: nodeId, sourceHandle: handle, target: target.id });
    const summary = summarizeNode(target.data.kind, target.data.config);
    return (
      // Refused targets stay in the list (and reachable by keyboard): choosing one says why, as dragging does.
      <DropdownMenuItem
        key={target.id}
        onSelect={() => connect(target)}
        aria-disabled={!check.ok || undefined}
        className="grid items-start gap-0 aria-disabled:opacity-70"
        data-testid="connect-target"
      >
        <span className="font-medium">{stepName(target)}</span>
        <span className="max-w-72 truncate text-xs text-muted-foreground">{check.ok ? summary : check.reason}</span>
      </DropdownMenuItem>
    );
  });
}

/**
 * Connecting without a mouse: for each output of the selected step ("Next", or a condition's Yes
 * and No), a menu of the other steps it can lead to, with the same refusals as dragging a line.
 */
export function ConnectToMenu({ nodeId }: { nodeId: string }) {
  const kind = useEditorStore((state) => state.graph.nodes.find((node) => node.id === nodeId)?.data.kind);
  const readOnly = useEditorStore((state) => state.readOnly);
  const outputs = (kind && getNodeDefinition(kind)?.outputs) || [];
  if (readOnly || outputs.length === 0) return null;

  return (
    <section aria-labelledby="connect-to-title" className="grid gap-2 border-t px-4 py-3" data-testid="connect-to">
      <h3 id="connect-to-title" className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">
        Connections
      </h3>
      <div className="flex flex-wrap gap-2">
        {outputs.map((output) => {
          const label = outputs.length === 1 ? "Connect to…" : `Connect ${output.label} to…`;
          return (
            <DropdownMenu key={output.id}>
              <DropdownMenuTrigger asChild>
                <Button variant="secondary" size="sm">
                  <Link2 aria-hidden /> {label}
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="start" className="max-h-[60vh] overflow-y-auto">
                <DropdownMenuLabel>{outputs.length === 1 ? "Lead to" : `${output.label} leads to`}</DropdownMenuLabel>
                <TargetItems nodeId={nodeId} handle={output.id} />
              </DropdownMenuContent>
            </DropdownMenu>
          );
        })}
      </div>
    </section>
  );
}
