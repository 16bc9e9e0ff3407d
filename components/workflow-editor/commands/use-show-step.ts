"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { selectOnly } from "../model/graph-operations";
import { useEditorStoreApi } from "../use-editor-store";

/** Selects a step (its settings open) and brings it into view: for a problem clicked outside the side panel. */
export function useShowStep() {
  const store = useEditorStoreApi();
  const { setCenter, getZoom } = useReactFlow();
  return useCallback(
    (nodeId: string) => {
      store.getState().changeView((graph) => selectOnly(graph, [nodeId]));
      const node = store.getState().graph.nodes.find((candidate) => candidate.id === nodeId);
      if (node) void setCenter(node.position.x + 120, node.position.y + 40, { zoom: Math.max(getZoom(), 0.9), duration: 250 });
    },
    [getZoom, setCenter, store],
  );
}
