"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import type { NodeKind } from "@/engine";
import type { EditorGraph } from "../model/editor-graph";
import { useEditorStoreApi } from "../use-editor-store";
import { addNode, addNodeAfter, freeSpotBelow, insertOnEdge, nodeFromKind } from "../model/graph-operations";

/** Runs one graph change that adds a step, then brings the new step into view (it is selected already). */
function useAddAndShow() {
  const store = useEditorStoreApi();
  const { setCenter, getZoom } = useReactFlow();
  return useCallback(
    (add: (graph: EditorGraph) => { graph: EditorGraph; nodeId: string } | undefined) => {
      let added: { x: number; y: number } | undefined;
      store.getState().change((current) => {
        const result = add(current);
        if (!result) return current;
        added = result.graph.nodes.find((node) => node.id === result.nodeId)?.position;
        return result.graph;
      });
      if (added) void setCenter(added.x + 120, added.y + 40, { zoom: Math.max(getZoom(), 0.8), duration: 200 });
    },
    [getZoom, setCenter, store],
  );
}

/**
 * Adds a step without the mouse: under the selected step, connected from its first free output (or
 * into its first connection), or below everything when nothing is selected. Steps below move down.
 */
export function useAddStep() {
  const store = useEditorStoreApi();
  const addAndShow = useAddAndShow();
  return useCallback(
    (kind: NodeKind) => {
      const selected = store.getState().graph.nodes.filter((node) => node.selected);
      addAndShow((current) => {
        if (selected.length === 1) return addNodeAfter(current, selected[0]!.id, kind);
        const node = nodeFromKind(kind, freeSpotBelow(current));
        return { graph: addNode(current, node), nodeId: node.id };
      });
    },
    [addAndShow, store],
  );
}

/** Puts a new step into a connection ("+" on the connection): parent → new step → child. */
export function useInsertStep() {
  const addAndShow = useAddAndShow();
  return useCallback((edgeId: string, kind: NodeKind) => addAndShow((current) => insertOnEdge(current, edgeId, kind)), [addAndShow]);
}
