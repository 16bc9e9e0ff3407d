"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, ReactFlow, ReactFlowProvider, type EdgeTypes, type NodeTypes } from "@xyflow/react";
import { useMemo } from "react";
import { toReactFlow, type DraftWorkflowGraph } from "@/engine";
import { RunPathEdge, type RunPathFlowEdge } from "./run-path-edge";
import { RunPathNode, type RunPathFlowNode } from "./run-path-node";
import type { RunPath } from "./run-path";

// Module level: React Flow re-mounts every node and edge if these objects change identity.
const nodeTypes: NodeTypes = { runStep: RunPathNode };
const edgeTypes: EdgeTypes = { runPath: RunPathEdge };
const proOptions = { hideAttribution: true };
const fitViewOptions = { maxZoom: 1, padding: 0.15 };

/** The workflow as it ran, read-only, with the path the run took highlighted. */
export function RunCanvas({
  graph,
  path,
  branches,
  focusedNodeId,
  onSelectNode,
}: {
  graph: DraftWorkflowGraph;
  path: RunPath;
  branches: ReadonlyMap<string, "true" | "false">;
  focusedNodeId: string | null;
  onSelectNode: (nodeId: string) => void;
}) {
  const flow = useMemo(() => toReactFlow(graph), [graph]);
  const nodes = useMemo<RunPathFlowNode[]>(
    () =>
      flow.nodes.map((node) => ({
        id: node.id,
        type: "runStep",
        position: node.position,
        data: {
          ...node.data,
          outcome: path.nodes[node.id] ?? "not-reached",
          branch: branches.get(node.id) ?? null,
          focused: node.id === focusedNodeId,
        },
      })),
    [flow, path, branches, focusedNodeId],
  );
  const edges = useMemo<RunPathFlowEdge[]>(
    () =>
      flow.edges.map((edge) => {
        const outcome = path.edges[edge.id] ?? "not-taken";
        // Taken edges are drawn last, so they stay on top where paths cross.
        return { ...edge, type: "runPath", data: { outcome }, zIndex: outcome === "taken" ? 1 : 0 };
      }),
    [flow, path],
  );

  return (
    <div className="size-full" data-testid="run-canvas">
      <ReactFlowProvider>
        <ReactFlow<RunPathFlowNode, RunPathFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodeClick={(_event, node) => onSelectNode(node.id)}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          fitView
          fitViewOptions={fitViewOptions}
          minZoom={0.1}
          proOptions={proOptions}
        >
          <Background gap={20} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}
