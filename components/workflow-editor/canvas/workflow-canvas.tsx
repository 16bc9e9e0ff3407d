"use client";

import "@xyflow/react/dist/style.css";
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type OnConnectEnd,
  type Viewport,
} from "@xyflow/react";
import { useCallback, useMemo, type DragEvent } from "react";
import { toast } from "sonner";
import { getNodeDefinition } from "@/engine";
import type { EditorNode } from "../model/editor-graph";
import { addNode, checkConnection, connectNodes, nodeFromKind } from "../model/graph-operations";
import { droppedKind, isStepDrag } from "../model/step-drag";
import { edgeOutcomeOf, useTestRunPath } from "../test-run/test-run-overlay";
import { useEditorActions, useEditorStore, useEditorStoreApi } from "../use-editor-store";
import { nodeTypes } from "./node-types";

const defaultEdgeOptions = { type: "smoothstep" } as const;
const proOptions = { hideAttribution: true };
const problemEdgeStyle = { stroke: "var(--color-destructive)", strokeWidth: 2 };
const takenEdgeStyle = { stroke: "var(--color-success)", strokeWidth: 2.5 };
const notTakenEdgeStyle = { opacity: 0.3 };
// Box selection with Shift+drag; Ctrl/Cmd+click adds to the selection.
const multiSelectKeys = ["Meta", "Control"];

function minimapColor(node: EditorNode): string {
  const category = getNodeDefinition(node.data.kind)?.category ?? "action";
  return `var(--color-${category})`;
}

function isViewOnly(changes: NodeChange<EditorNode>[]): boolean {
  return changes.every((change) => change.type === "select" || change.type === "dimensions");
}

export function WorkflowCanvas({
  defaultViewport,
  onViewportChange,
}: {
  defaultViewport?: Viewport | null;
  onViewportChange?: (viewport: Viewport) => void;
}) {
  const store = useEditorStoreApi();
  const { change, changeView, move, beginMove, endMove, setConnectionHint } = useEditorActions();
  const nodes = useEditorStore((state) => state.graph.nodes);
  const edges = useEditorStore((state) => state.graph.edges);
  const problemEdgeIds = useEditorStore((state) => state.problems.edgeIds);
  const readOnly = useEditorStore((state) => state.readOnly);
  const hint = useEditorStore((state) => state.connectionHint);
  const testPath = useTestRunPath();
  const { screenToFlowPosition } = useReactFlow();

  const shownEdges = useMemo<Edge[]>(() => {
    const withProblems =
      problemEdgeIds.size === 0
        ? edges
        : edges.map((edge) => (problemEdgeIds.has(edge.id) ? { ...edge, style: problemEdgeStyle, className: "edge-problem" } : edge));
    if (!testPath) return withProblems;
    // A test run's result on the canvas: the path it took stands out, the rest fades.
    return withProblems.map((edge) =>
      edgeOutcomeOf(testPath, edge.id) === "taken"
        ? { ...edge, animated: true, style: takenEdgeStyle, className: "edge-taken" }
        : { ...edge, style: { ...edge.style, ...notTakenEdgeStyle }, className: "edge-not-taken" },
    );
  }, [edges, problemEdgeIds, testPath]);

  const onNodesChange = useCallback(
    (changes: NodeChange<EditorNode>[]) => {
      const apply = (graph: { nodes: EditorNode[]; edges: Edge[] }) => ({ ...graph, nodes: applyNodeChanges(changes, graph.nodes) });
      if (isViewOnly(changes)) changeView(apply);
      else if (changes.every((change) => change.type === "position" || change.type === "dimensions" || change.type === "select"))
        move(apply);
      else change(apply);
    },
    [change, changeView, move],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      // Deleting goes through the editor's own shortcut, so it can be undone; only selection comes here.
      const selection = changes.filter((change) => change.type === "select");
      if (selection.length > 0) changeView((graph) => ({ ...graph, edges: applyEdgeChanges(selection, graph.edges) }));
    },
    [changeView],
  );

  const isValidConnection = useCallback(
    (connection: Connection | Edge) => {
      const result = checkConnection(store.getState().graph, connection);
      setConnectionHint(result.ok ? null : result.reason);
      return result.ok;
    },
    [setConnectionHint, store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      setConnectionHint(null);
      let refusal: string | null = null;
      change((graph) => {
        const result = connectNodes(graph, connection);
        if ("reason" in result) {
          refusal = result.reason;
          return graph;
        }
        return result.graph;
      });
      if (refusal) toast.error(refusal);
    },
    [change, setConnectionHint],
  );

  const onConnectEnd = useCallback<OnConnectEnd>(
    (_event, connection) => {
      const hintNow = store.getState().connectionHint;
      setConnectionHint(null);
      if (connection.toNode && !connection.isValid && hintNow) toast.error(hintNow, { id: "connection-refused" });
    },
    [setConnectionHint, store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!isStepDrag(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = droppedKind(event.dataTransfer);
      if (!kind || store.getState().readOnly) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // The pointer holds the card near its top middle.
      change((graph) => addNode(graph, nodeFromKind(kind, { x: Math.round(point.x - 120), y: Math.round(point.y - 20) })));
    },
    [change, screenToFlowPosition, store],
  );

  return (
    <div className="relative size-full" onDragOver={onDragOver} onDrop={onDrop} data-testid="workflow-canvas">
      <ReactFlow<EditorNode>
        nodes={nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStart={beginMove}
        onNodeDragStop={endMove}
        onMoveEnd={(_event, viewport) => onViewportChange?.(viewport)}
        {...(defaultViewport ? { defaultViewport } : { fitView: true })}
        fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
        minZoom={0.1}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={multiSelectKeys}
        proOptions={proOptions}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
        <MiniMap<EditorNode> nodeColor={minimapColor} pannable zoomable ariaLabel="Map of the whole workflow" />
      </ReactFlow>
      {hint ? (
        <p
          role="status"
          className="pointer-events-none absolute left-1/2 top-3 z-10 -translate-x-1/2 rounded-md bg-foreground px-3 py-1.5 text-xs text-background shadow"
        >
          {hint}
        </p>
      ) : null}
    </div>
  );
}
