import { newEdgeId, newNodeId } from "@/engine";
import type { EditorEdge, EditorGraph, EditorNode } from "./editor-graph";

/** Copied steps and the connections between them. The trigger is never copied: a workflow has one. */
export interface Clip {
  nodes: EditorNode[];
  edges: EditorEdge[];
}

export const pasteOffset = { x: 40, y: 40 };

export function copySelection(graph: EditorGraph): Clip {
  const nodes = graph.nodes.filter((node) => node.selected && node.data.kind !== "trigger");
  const ids = new Set(nodes.map((node) => node.id));
  return {
    nodes: nodes.map((node) => structuredClone({ id: node.id, type: node.type, position: node.position, data: node.data })),
    edges: graph.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({ id: edge.id, source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target })),
  };
}

export function clipHasTriggerOnly(graph: EditorGraph): boolean {
  const selected = graph.nodes.filter((node) => node.selected);
  return selected.length > 0 && selected.every((node) => node.data.kind === "trigger");
}

/**
 * Adds a copy of the clip with fresh ids, shifted by `times` offsets so repeated pastes fan out,
 * and selects the copy. Connections inside the clip are kept; connections to the outside are not.
 */
export function pasteClip(graph: EditorGraph, clip: Clip, times = 1): { graph: EditorGraph; nodeIds: string[] } {
  if (clip.nodes.length === 0) return { graph, nodeIds: [] };
  const idFor = new Map(clip.nodes.map((node) => [node.id, newNodeId()]));
  const nodes: EditorNode[] = clip.nodes.map((node) => ({
    ...structuredClone(node),
    id: idFor.get(node.id)!,
    position: { x: node.position.x + pasteOffset.x * times, y: node.position.y + pasteOffset.y * times },
    selected: true,
  }));
  const edges: EditorEdge[] = clip.edges.map((edge) => ({
    id: newEdgeId(),
    source: idFor.get(edge.source)!,
    sourceHandle: edge.sourceHandle,
    target: idFor.get(edge.target)!,
  }));
  return {
    graph: {
      nodes: [...graph.nodes.map((node) => (node.selected ? { ...node, selected: false } : node)), ...nodes],
      edges: [...graph.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)), ...edges],
    },
    nodeIds: nodes.map((node) => node.id),
  };
}
