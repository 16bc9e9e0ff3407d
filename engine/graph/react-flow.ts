import { getNodeDefinition } from "../catalogue/registry";
import type { ConditionHandle, DraftWorkflowGraph, WorkflowGraph } from "./graph-schema";

// Structural stand-ins for @xyflow/react's Node and Edge, so engine/ stays free of UI packages.
export type FlowNodeData = {
  kind: string;
  config: unknown;
  label?: string;
  openHandles?: ConditionHandle[];
};

export interface FlowNode {
  id: string;
  /** The node component to draw: "trigger", "condition" or "action". */
  type?: string;
  position: { x: number; y: number };
  data: FlowNodeData;
}

export interface FlowEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

export function toReactFlow(graph: WorkflowGraph | DraftWorkflowGraph): { nodes: FlowNode[]; edges: FlowEdge[] } {
  return {
    nodes: graph.nodes.map((node) => ({
      id: node.id,
      type: getNodeDefinition(node.kind)?.category ?? "unknown",
      position: { x: node.position.x, y: node.position.y },
      data: {
        kind: node.kind,
        config: node.config,
        ...(node.label !== undefined ? { label: node.label } : {}),
        ...(node.openHandles !== undefined ? { openHandles: [...node.openHandles] } : {}),
      },
    })),
    edges: graph.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.sourceHandle,
    })),
  };
}

/** Back to the stored format, dropping everything React Flow adds (selection, measurements, styles). */
export function fromReactFlow(nodes: ReadonlyArray<FlowNode>, edges: ReadonlyArray<FlowEdge>): DraftWorkflowGraph {
  return {
    version: 1,
    nodes: nodes.map((node) => ({
      id: node.id,
      kind: node.data.kind,
      position: { x: node.position.x, y: node.position.y },
      config: node.data.config,
      ...(node.data.label ? { label: node.data.label } : {}),
      ...(node.data.openHandles && node.data.openHandles.length > 0 ? { openHandles: [...node.data.openHandles] } : {}),
    })),
    edges: edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      // A node with a single output has an unnamed handle in React Flow.
      sourceHandle: edge.sourceHandle ?? "out",
      target: edge.target,
    })),
  };
}
