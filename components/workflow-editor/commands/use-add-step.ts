"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import type { NodeKind } from "@/engine";
import { useEditorStoreApi } from "../use-editor-store";
import { addNode, addNodeAfter, freeSpotBelow, nodeFromKind } from "../model/graph-operations";

/**
 * Adds a step without the mouse: under the selected step, connected from its first free output,
 * or below everything when nothing is selected. The new step is selected and scrolled into view.
 */
export function useAddStep() {
  const store = useEditorStoreApi();
  const { setCenter, getZoom } = useReactFlow();
  return useCallback(
    (kind: NodeKind) => {
      const { graph } = store.getState();
      const selected = graph.nodes.filter((node) => node.selected);
      let added: { x: number; y: number } | undefined;
      store.getState().change((current) => {
        if (selected.length === 1) {
          const result = addNodeAfter(current, selected[0]!.id, kind);
          added = result.graph.nodes.find((node) => node.id === result.nodeId)?.position;
          return result.graph;
        }
        const node = nodeFromKind(kind, freeSpotBelow(current));
        added = node.position;
        return addNode(current, node);
      });
      if (added) void setCenter(added.x + 120, added.y + 40, { zoom: Math.max(getZoom(), 0.8), duration: 200 });
    },
    [getZoom, setCenter, store],
  );
}
