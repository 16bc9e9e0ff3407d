import { canConnect, createNode, getNodeDefinition, newEdgeId, type ConditionHandle, type ConnectResult, type NodeKind } from "@/engine";
import type { EditorEdge, EditorGraph, EditorNode } from "./editor-graph";
import { boxOf, fallbackNodeSize, freeSpotNear, makeRoomBelow, nodeGap, type Box } from "./node-geometry";
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

/** The output a new step hangs from when it is inserted: "Next", or a condition's "Yes". */
function firstOutputOf(kind: NodeKind): string | undefined {
  return getNodeDefinition(kind)?.outputs[0]?.id;
}

/**
 * Puts a new step of `kind` under `parent`, `column` places to the right, in a free spot: the steps
 * below the parent move down to make room, and anything still in the way pushes the new step aside.
 */
function placeUnder(graph: EditorGraph, parent: EditorNode, x: number, kind: NodeKind): { graph: EditorGraph; node: EditorNode } {
  const parentBox = boxOf(parent);
  const box: Box = {
    x,
    y: parent.position.y + Math.max(stepSpacing.y, parentBox.height + 2 * nodeGap),
    ...fallbackNodeSize,
  };
  const roomy = makeRoomBelow(graph, box, parent.position.y, stepSpacing.y);
  const node = nodeFromKind(kind, freeSpotNear(box, roomy.nodes.map(boxOf)));
  return { graph: addNode(roomy, node), node };
}

/**
 * Adds a step under `parentId`, connected from the parent's first free output, moving the steps
 * below down so that nothing overlaps. When every output already leads somewhere, the step is
 * inserted into the first of those connections instead.
 */
export function addNodeAfter(graph: EditorGraph, parentId: string, kind: NodeKind): { graph: EditorGraph; nodeId: string } {
  const parent = graph.nodes.find((node) => node.id === parentId);
  if (!parent) {
    const node = nodeFromKind(kind, freeSpotBelow(graph));
    return { graph: addNode(graph, node), nodeId: node.id };
  }
  const handle = freeOutputOf(graph, parentId);
  if (!handle) {
    const outputOrder: string[] = (getNodeDefinition(parent.data.kind)?.outputs ?? []).map((output) => output.id);
    const existing = graph.edges
      .filter((edge) => edge.source === parentId)
      .sort((a, b) => outputOrder.indexOf(a.sourceHandle ?? "out") - outputOrder.indexOf(b.sourceHandle ?? "out"))[0];
    if (existing) {
      const inserted = insertOnEdge(graph, existing.id, kind);
      if (inserted) return inserted;
    }
  }
  const column = handle === "false" ? 1 : 0;
  const placed = placeUnder(graph, parent, parent.position.x + column * stepSpacing.x, kind);
  if (!handle) return { graph: placed.graph, nodeId: placed.node.id };
  const connected = connectNodes(placed.graph, { source: parentId, sourceHandle: handle, target: placed.node.id });
  return { graph: "graph" in connected ? connected.graph : placed.graph, nodeId: placed.node.id };
}

/**
 * Puts a new step into a connection: parent → new step → child, keeping the parent's output (a
 * condition's Yes or No). The child and everything below it move down to make room.
 * Undefined when the connection is gone or the kind can't go in the middle (the trigger).
 */
export function insertOnEdge(graph: EditorGraph, edgeId: string, kind: NodeKind): { graph: EditorGraph; nodeId: string } | undefined {
  const edge = graph.edges.find((candidate) => candidate.id === edgeId);
  const source = graph.nodes.find((node) => node.id === edge?.source);
  const target = graph.nodes.find((node) => node.id === edge?.target);
  const output = firstOutputOf(kind);
  if (!edge || !source || !target || !output || kind === "trigger") return undefined;
  const x = target.position.y > source.position.y ? target.position.x : source.position.x;
  const withoutEdge = { ...graph, edges: graph.edges.filter((candidate) => candidate.id !== edgeId) };
  const placed = placeUnder(withoutEdge, source, x, kind);
  const edges: EditorEdge[] = [
    ...placed.graph.edges,
    { id: newEdgeId(), source: source.id, sourceHandle: edge.sourceHandle ?? "out", target: placed.node.id },
    { id: newEdgeId(), source: placed.node.id, sourceHandle: output, target: target.id },
  ];
  return { graph: { ...placed.graph, edges }, nodeId: placed.node.id };
}

export function hasSelection(graph: EditorGraph): boolean {
  return graph.nodes.some((node) => node.selected) || graph.edges.some((edge) => edge.selected);
}

/**
 * Removes the selected steps and connections, and every connection touching a removed step. A removed
 * step with exactly one way in and one way out leaves no gap: its parent is joined to its child, from
 * the same output (a condition's Yes stays Yes). Removed steps are taken in turn, so a removed chain
 * joins its two ends.
 */
export function removeSelected(graph: EditorGraph): EditorGraph {
  let edges = graph.edges.filter((edge) => !edge.selected);
  for (const node of graph.nodes) {
    if (!node.selected) continue;
    const incoming = edges.filter((edge) => edge.target === node.id);
    const outgoing = edges.filter((edge) => edge.source === node.id);
    edges = edges.filter((edge) => edge.source !== node.id && edge.target !== node.id);
    if (incoming.length !== 1 || outgoing.length !== 1) continue;
    const bridge: EditorEdge = {
      id: newEdgeId(),
      source: incoming[0]!.source,
      sourceHandle: incoming[0]!.sourceHandle ?? "out",
      target: outgoing[0]!.target,
    };
    const duplicate = edges.some(
      (edge) => edge.source === bridge.source && (edge.sourceHandle ?? "out") === bridge.sourceHandle && edge.target === bridge.target,
    );
    if (!duplicate && bridge.source !== bridge.target) edges.push(bridge);
  }
  return { nodes: graph.nodes.filter((node) => !node.selected), edges };
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
  const boxes = graph.nodes.map(boxOf);
  const lowest = Math.max(...boxes.map((box) => Math.max(box.y + stepSpacing.y, box.y + box.height + 2 * nodeGap)));
  const left = Math.min(...boxes.map((box) => box.x));
  return { x: left, y: lowest };
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
