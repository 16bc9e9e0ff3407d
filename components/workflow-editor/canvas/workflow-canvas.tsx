"use client";

import "@xyflow/react/dist/style.css";
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type AriaLabelConfig,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type OnConnectEnd,
  type Viewport,
} from "@xyflow/react";
import { Map as MapIcon } from "lucide-react";
import { useCallback, useMemo, useRef, type DragEvent } from "react";
import { toast } from "sonner";
import { getNodeDefinition } from "@/engine";
import { useRememberedFlag } from "../commands/use-remembered-flag";
import type { EditorGraph, EditorNode } from "../model/editor-graph";
import { addNode, checkConnection, connectNodes, nodeFromKind } from "../model/graph-operations";
import { nudgeClear } from "../model/node-geometry";
import { droppedKind, isStepDrag } from "../model/step-drag";
import { edgeOutcomeOf, useTestRunPath } from "../test-run/test-run-overlay";
import { useEditorActions, useEditorStore, useEditorStoreApi } from "../use-editor-store";
import { edgeTypes } from "./edge-types";
import { nodeTypes } from "./node-types";
import type { StepEdgeData } from "./step-edge";

// Connections are drawn above the cards they cross (selected cards still come first), and are easy to hit.
const defaultEdgeOptions = { type: "step", interactionWidth: 24, zIndex: 1 } as const;
const fitViewOptions = { maxZoom: 1, padding: 0.2 };
const branchNames: Record<string, string> = { true: "Yes", false: "No" };
// React Flow's own words for screen readers, in the editor's words.
const ariaLabelConfig: Partial<AriaLabelConfig> = {
  "node.a11yDescription.default": "Press Enter or Space to select this step and open its settings. Arrow keys then move it.",
  "node.a11yDescription.keyboardDisabled": "Press Enter or Space to select this step and open its settings.",
  "node.a11yDescription.ariaLiveMessage": ({ direction }) => `Moved the step ${direction}.`,
  "edge.a11yDescription.default": "Press Enter or Space to select this connection; Delete then removes it.",
  "controls.ariaLabel": "Canvas controls",
  "controls.zoomIn.ariaLabel": "Zoom in",
  "controls.zoomOut.ariaLabel": "Zoom out",
  "controls.fitView.ariaLabel": "Fit the whole workflow on screen",
  "minimap.ariaLabel": "Map of the whole workflow",
  "handle.ariaLabel": "Connection point",
};
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

function stepName(node: EditorNode): string {
  return node.data.label ?? getNodeDefinition(node.data.kind)?.label ?? "Unknown step";
}

/**
 * Each step's name, as one string per line ("id\tname"), so the connections' spoken names are worked
 * out again only when a name changes, not on every drag frame.
 */
function namesKey(graph: EditorGraph): string {
  return graph.nodes.map((node) => `${node.id}\t${stepName(node)}`).join("\n");
}

function isViewOnly(changes: NodeChange<EditorNode>[]): boolean {
  return changes.every((change) => change.type === "select" || change.type === "dimensions");
}

export function WorkflowCanvas({
  defaultViewport,
  onViewportChange,
  fitOnOpen = false,
}: {
  defaultViewport?: Viewport | null;
  onViewportChange?: (viewport: Viewport) => void;
  /** Show the whole workflow, whatever the saved viewport (a phone's small screen). */
  fitOnOpen?: boolean;
}) {
  const store = useEditorStoreApi();
  const { change, changeView, move, beginMove, endMove, setConnectionHint } = useEditorActions();
  const nodes = useEditorStore((state) => state.graph.nodes);
  const edges = useEditorStore((state) => state.graph.edges);
  const problemEdgeIds = useEditorStore((state) => state.problems.edgeIds);
  const readOnly = useEditorStore((state) => state.readOnly);
  const hint = useEditorStore((state) => state.connectionHint);
  const names = useEditorStore((state) => namesKey(state.graph));
  const testPath = useTestRunPath();
  const { screenToFlowPosition } = useReactFlow();
  const [minimapShown, setMinimapShown] = useRememberedFlag("switchboard.editor.minimap", false);

  const shownEdges = useMemo<Edge[]>(() => {
    const nameOf = new Map(names.split("\n").map((line) => line.split("\t") as [string, string]));
    // Spoken by step names ("From Caller frequency, Yes, to Send a text"), never by ids.
    const named = edges.map((edge): Edge<StepEdgeData> => {
      const from = nameOf.get(edge.source) ?? "a step";
      const to = nameOf.get(edge.target) ?? "a step";
      const branch = branchNames[edge.sourceHandle ?? "out"];
      return {
        ...edge,
        data: { from, to },
        ariaLabel: `Connection from ${from}${branch ? `, ${branch},` : ""} to ${to}`,
        domAttributes: { "aria-roledescription": "connection" },
      };
    });
    const withProblems =
      problemEdgeIds.size === 0
        ? named
        : named.map((edge) => (problemEdgeIds.has(edge.id) ? { ...edge, style: problemEdgeStyle, className: "edge-problem" } : edge));
    if (!testPath) return withProblems;
    // A test run's result on the canvas: the path it took stands out, the rest fades.
    return withProblems.map((edge) =>
      edgeOutcomeOf(testPath, edge.id) === "taken"
        ? { ...edge, animated: true, style: takenEdgeStyle, className: "edge-taken" }
        : { ...edge, style: { ...edge.style, ...notTakenEdgeStyle }, className: "edge-not-taken" },
    );
  }, [edges, names, problemEdgeIds, testPath]);

  // A drag is one undo step (see beginMove); a step moved with the arrow keys moves outside any drag.
  const dragging = useRef(false);
  const startDrag = useCallback(() => {
    dragging.current = true;
    beginMove();
  }, [beginMove]);
  const stopDrag = useCallback(() => {
    dragging.current = false;
    endMove();
  }, [endMove]);

  const onNodesChange = useCallback(
    (changes: NodeChange<EditorNode>[]) => {
      const apply = (graph: { nodes: EditorNode[]; edges: Edge[] }) => ({ ...graph, nodes: applyNodeChanges(changes, graph.nodes) });
      if (isViewOnly(changes)) changeView(apply);
      else if (changes.every((change) => change.type === "position" || change.type === "dimensions" || change.type === "select")) {
        // Arrow-key presses in a row are one undo step, like typing.
        if (dragging.current) move(apply);
        else change(apply, { mergeKey: "keyboard-move" });
      } else change(apply);
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
      // The pointer holds the card near its top middle; dropped onto another card, it moves aside.
      const node = nodeFromKind(kind, { x: Math.round(point.x - 120), y: Math.round(point.y - 20) });
      change((graph) => nudgeClear(addNode(graph, node), node.id));
    },
    [change, screenToFlowPosition, store],
  );

  return (
    <div
      id="workflow-canvas"
      tabIndex={-1}
      className="relative size-full focus-visible:outline-offset-[-3px]"
      onDragOver={onDragOver}
      onDrop={onDrop}
      data-testid="workflow-canvas"
    >
      <ReactFlow<EditorNode>
        nodes={nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStart={startDrag}
        onNodeDragStop={stopDrag}
        onSelectionDragStart={startDrag}
        onSelectionDragStop={stopDrag}
        onMoveEnd={(_event, viewport) => onViewportChange?.(viewport)}
        {...(defaultViewport && !fitOnOpen ? { defaultViewport } : { fitView: true })}
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={multiSelectKeys}
        proOptions={proOptions}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background gap={20} />
        <Controls showInteractive={false} fitViewOptions={fitViewOptions}>
          <ControlButton
            onClick={() => setMinimapShown(!minimapShown)}
            aria-pressed={minimapShown}
            aria-label={minimapShown ? "Hide the map" : "Show the map"}
            title={minimapShown ? "Hide the map" : "Show the map"}
          >
            <MapIcon aria-hidden />
          </ControlButton>
        </Controls>
        {minimapShown ? <MiniMap<EditorNode> nodeColor={minimapColor} pannable zoomable /> : null}
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
