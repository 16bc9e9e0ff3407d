import { canConnect, createNode, getNodeDefinition, newEdgeId, type ConditionHandle, type ConnectResult, type NodeKind } from "@/engine";
import type { EditorEdge, EditorGraph, EditorNode } from "./editor-graph";
import { editorEventType, withDefaultsFor } from "./trigger-defaults";

// Pure changes to the canvas graph. Each returns a new graph and leaves its input untouched.

/** How far below its parent a step added by click lands. */
export const stepSpacing = { x: 280, y: 150 };

export function nodeFromKind(kind: NodeKind, position: { x: number; y: number }): EditorNode {
  const node = createNode(kind, position);
  return {
    id: node.id,
    type: getNodeDefinition(kind)?.category ?? "unknown",
    position: { ...node.position },
    data: { kind: node.kind, config: node.config },
  };
}

function deselected<T extends { selected?: boolean }>(item: T): T {
  return item.selected ? { ...item, selected: false } : item;
}

/** Adds a step and makes it the only selection, so its settings open straight away. */
export function addNode(graph: EditorGraph, node: EditorNode): EditorGraph {
  return {
    nodes: [...graph.nodes.map(deselected), { ...withDefaultsFor(node, editorEventType(graph)), selected: true }],
    edges: graph.edges.map(deselected),
  };
}

function connectionShape(graph: EditorGraph) {
  return {
    nodes: graph.nodes.map((node) => ({ id: node.id, kind: node.data.kind })),
    edges: graph.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, sourceHandle: edge.sourceHandle ?? "out" })),
  };
}

export function checkConnection(
  graph: EditorGraph,
  connection: { source: string; sourceHandle?: string | null; target: string },
): ConnectResult {
  return canConnect(connectionShape(graph), connection);
}

/** Joins two steps, or returns the reason it can't (a loop, into the trigger…). */
export function connectNodes(
  graph: EditorGraph,
  connection: { source: string; sourceHandle?: string | null; target: string },
): { graph: EditorGraph } | { reason: string } {
  const result = checkConnection(graph, connection);
  if (!result.ok) return { reason: result.reason };
  const sourceHandle = connection.sourceHandle ?? "out";
  const edge: EditorEdge = { id: newEdgeId(), source: connection.source, sourceHandle, target: connection.target };
  // A branch that now leads somewhere is no longer "left open on purpose".
  const { nodes } = setBranchOpen(graph, connection.source, sourceHandle as ConditionHandle, false);
  return { graph: { nodes, edges: [...graph.edges, edge] } };
}

/** The output a new step should hang from: the first one with nothing attached yet. */
export function freeOutputOf(graph: EditorGraph, nodeId: string): string | undefined {
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return undefined;
  const outputs = getNodeDefinition(node.data.kind)?.outputs ?? [];
  const used = new Set(graph.edges.filter((edge) => edge.source === nodeId).map((edge) => edge.sourceHandle ?? "out"));
  return outputs.find((output) => !used.has(output.id) && !node.data.openHandles?.includes(output.id as ConditionHandle))?.id;
}

/** Adds a step under `parentId` and connects it from the parent's first free output. */
export function addNodeAfter(graph: EditorGraph, parentId: string, kind: NodeKind): { graph: EditorGraph; nodeId: string } {
  const parent = graph.nodes.find((node) => node.id === parentId);
  const handle = freeOutputOf(graph, parentId);
  const column = handle === "false" ? 1 : 0;
  const position = parent ? { x: parent.position.x + column * stepSpacing.x, y: parent.position.y + stepSpacing.y } : { x: 0, y: 0 };
  const node = nodeFromKind(kind, position);
  const added = addNode(graph, node);
  if (!parent || !handle) return { graph: added, nodeId: node.id };
  const connected = connectNodes(added, { source: parentId, sourceHandle: handle, target: node.id });
  return { graph: "graph" in connected ? connected.graph : added, nodeId: node.id };
}

export function hasSelection(graph: EditorGraph): boolean {
  return graph.nodes.some((node) => node.selected) || graph.edges.some((edge) => edge.selected);
}

/** Removes the selected steps and connections, and every connection touching a removed step. */
export function removeSelected(graph: EditorGraph): EditorGraph {
  const removed = new Set(graph.nodes.filter((node) => node.selected).map((node) => node.id));
  return {
    nodes: graph.nodes.filter((node) => !node.selected),
    edges: graph.edges.filter((edge) => !edge.selected && !removed.has(edge.source) && !removed.has(edge.target)),
  };
}

export function updateNodeConfig(graph: EditorGraph, nodeId: string, config: unknown): EditorGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => (node.id === nodeId ? { ...node, data: { ...node.data, config } } : node)),
  };
}

/** Marks a condition's Yes or No path as deliberately open (the run ends there), or not. */
export function setBranchOpen(graph: EditorGraph, nodeId: string, handle: ConditionHandle, open: boolean): EditorGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      if (node.id !== nodeId) return node;
      const wasOpen = node.data.openHandles?.includes(handle) ?? false;
      if (wasOpen === open) return node;
      const others = (node.data.openHandles ?? []).filter((existing) => existing !== handle);
      const openHandles = open ? [...others, handle].sort() : others;
      const { openHandles: _previous, ...rest } = node.data;
      return { ...node, data: openHandles.length > 0 ? { ...rest, openHandles } : rest };
    }),
  };
}

export function selectOnly(graph: EditorGraph, nodeIds: readonly string[]): EditorGraph {
  const wanted = new Set(nodeIds);
  return {
    nodes: graph.nodes.map((node) => (wanted.has(node.id) === Boolean(node.selected) ? node : { ...node, selected: wanted.has(node.id) })),
    edges: graph.edges.map(deselected),
  };
}

export function selectAll(graph: EditorGraph): EditorGraph {
  return {
    nodes: graph.nodes.map((node) => (node.selected ? node : { ...node, selected: true })),
    edges: graph.edges.map((edge) => (edge.selected ? edge : { ...edge, selected: true })),
  };
}

/** Where a step dropped or added without a parent goes: below everything, so nothing overlaps. */
export function freeSpotBelow(graph: EditorGraph): { x: number; y: number } {
  if (graph.nodes.length === 0) return { x: 0, y: 0 };
  const lowest = Math.max(...graph.nodes.map((node) => node.position.y));
  const left = Math.min(...graph.nodes.map((node) => node.position.x));
  return { x: left, y: lowest + stepSpacing.y };
}

/** Keeps the selection the user has now when a past graph comes back (undo, redo). */
export function withSelectionOf(graph: EditorGraph, current: EditorGraph): EditorGraph {
  const selectedNodes = new Set(current.nodes.filter((node) => node.selected).map((node) => node.id));
  const selectedEdges = new Set(current.edges.filter((edge) => edge.selected).map((edge) => edge.id));
  return {
    nodes: graph.nodes.map((node) =>
      selectedNodes.has(node.id) === Boolean(node.selected) ? node : { ...node, selected: selectedNodes.has(node.id) },
    ),
    edges: graph.edges.map((edge) =>
      selectedEdges.has(edge.id) === Boolean(edge.selected) ? edge : { ...edge, selected: selectedEdges.has(edge.id) },
    ),
  };
}
