import type { AnyNodeDefinition } from "../catalogue/node-definition";
import { getNodeDefinition } from "../catalogue/registry";
import { triggerConfigSchema } from "../catalogue/triggers/trigger";
import type { EventType } from "../events/event-types";
import { adjacencyOf, type Adjacency } from "../graph/topology";
import type { DraftWorkflowGraph, DraftWorkflowNode } from "../graph/graph-schema";
import type { TemplateChecker } from "./template-checker";

/** Facts every rule needs, computed once per validation. */
export interface GraphContext {
  graph: DraftWorkflowGraph;
  nodesById: Map<string, DraftWorkflowNode>;
  definitionOf(node: DraftWorkflowNode): AnyNodeDefinition | undefined;
  triggers: DraftWorkflowNode[];
  /** The first trigger's event type, when its config can be read. */
  eventType: EventType | undefined;
  adjacency: Adjacency<DraftWorkflowGraph>;
  checkTemplate: TemplateChecker;
}

export function buildGraphContext(graph: DraftWorkflowGraph, checkTemplate: TemplateChecker): GraphContext {
  const nodesById = new Map<string, DraftWorkflowNode>();
  for (const node of graph.nodes) if (!nodesById.has(node.id)) nodesById.set(node.id, node);
  const triggers = graph.nodes.filter((node) => node.kind === "trigger");
  const triggerConfig = triggers[0] ? triggerConfigSchema.safeParse(triggers[0].config) : undefined;
  return {
    graph,
    nodesById,
    definitionOf: (node) => getNodeDefinition(node.kind),
    triggers,
    eventType: triggerConfig?.success ? triggerConfig.data.eventType : undefined,
    adjacency: adjacencyOf(graph),
    checkTemplate,
  };
}
