import { getNodeDefinition } from "../catalogue/registry";
import { pathExists, type GraphShape } from "../graph/topology";

export interface ConnectionAttempt {
  source: string;
  sourceHandle?: string | null;
  target: string;
}

export type ConnectResult = { ok: true } | { ok: false; reason: string };

interface ConnectableGraph extends GraphShape {
  nodes: ReadonlyArray<{ id: string; kind: string }>;
}

/** Answers while the user drags a connection, so the canvas can refuse it on the spot. */
export function canConnect(graph: ConnectableGraph, connection: ConnectionAttempt): ConnectResult {
  const source = graph.nodes.find((node) => node.id === connection.source);
  const target = graph.nodes.find((node) => node.id === connection.target);
  if (!source || !target) return { ok: false, reason: "That step no longer exists." };
  if (source.id === target.id) return { ok: false, reason: "A step can't connect to itself." };
  if (target.kind === "trigger") return { ok: false, reason: "Nothing can lead into the trigger: it is where the workflow starts." };
  const handle = connection.sourceHandle ?? "out";
  const definition = getNodeDefinition(source.kind);
  if (!definition?.outputs.some((output) => output.id === handle)) {
    return { ok: false, reason: "This step has no such output." };
  }
  if (graph.edges.some((edge) => edge.source === source.id && edge.sourceHandle === handle && edge.target === target.id)) {
    return { ok: false, reason: "These steps are already connected this way." };
  }
  if (pathExists(graph, target.id, source.id)) {
    return { ok: false, reason: "That would make a loop: a workflow must always move forward." };
  }
  return { ok: true };
}
