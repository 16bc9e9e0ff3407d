"use client";

import { getNodeDefinition, type ConditionHandle } from "@/engine";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useEditorActions, useEditorStore } from "../use-editor-store";
import { setBranchOpen } from "../model/graph-operations";

/** For a condition: say on purpose that a Yes or No path ends here, so it isn't reported as forgotten. */
export function BranchToggles({ nodeId, kind, openHandles }: { nodeId: string; kind: string; openHandles: readonly ConditionHandle[] }) {
  const { change } = useEditorActions();
  const readOnly = useEditorStore((state) => state.readOnly);
  const connected = useEditorStore((state) =>
    state.graph.edges
      .filter((edge) => edge.source === nodeId)
      .map((edge) => edge.sourceHandle)
      .sort()
      .join(","),
  );
  const outputs = getNodeDefinition(kind)?.outputs ?? [];

  return (
    <div className="grid gap-3 border-t pt-4">
      <h3 className="text-sm font-semibold">Paths</h3>
      {outputs.map((output) => {
        const handle = output.id as ConditionHandle;
        const isConnected = connected.split(",").includes(handle);
        const id = `${nodeId}-open-${handle}`;
        return (
          <div key={handle} className="flex items-start justify-between gap-3">
            <div className="grid gap-1">
              <Label htmlFor={id}>Leave the ‘{output.label}’ path open on purpose</Label>
              <p className="text-xs text-muted-foreground">
                {isConnected
                  ? `The ‘${output.label}’ path is connected.`
                  : `If the answer is ‘${output.label}’, the workflow simply stops here.`}
              </p>
            </div>
            <Switch
              id={id}
              checked={!isConnected && openHandles.includes(handle)}
              disabled={readOnly || isConnected}
              onCheckedChange={(open) => change((graph) => setBranchOpen(graph, nodeId, handle, open))}
            />
          </div>
        );
      })}
    </div>
  );
}
