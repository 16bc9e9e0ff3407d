import type { Edge, Node } from "@xyflow/react";
import { fromReactFlow, toReactFlow, type DraftWorkflowGraph, type FlowNodeData } from "@/engine";

/** A step on the canvas: React Flow's node carrying the engine's kind, config and open branches. */
export type EditorNode = Node<FlowNodeData>;
export type EditorEdge = Edge;

/** What the editor edits, undoes and saves: the canvas's nodes and edges. */
export interface EditorGraph {
  nodes: EditorNode[];
  edges: EditorEdge[];
}

export function editorGraphFrom(graph: DraftWorkflowGraph): EditorGraph {
  const { nodes, edges } = toReactFlow(graph);
  return { nodes: nodes as EditorNode[], edges: edges as EditorEdge[] };
}

export function storedGraphOf(graph: EditorGraph): DraftWorkflowGraph {
  return fromReactFlow(graph.nodes, graph.edges);
}
