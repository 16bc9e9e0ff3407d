import { nanoid } from "nanoid";
import { z } from "zod";
import { nodeCatalogue, nodeKinds, type NodeConfig, type NodeKind } from "../catalogue/registry";
import type { EventType } from "../events/event-types";

export const maxNodes = 200;

export const outputHandleIds = ["out", "true", "false"] as const;
export type EdgeHandle = (typeof outputHandleIds)[number];
export type ConditionHandle = "true" | "false";

const id = z.string().min(1).max(64);
const position = z.object({ x: z.number(), y: z.number() });

const nodeBase = {
  id,
  position,
  label: z.string().max(100).optional(),
  /** Condition branches deliberately left unconnected: the run simply ends there. */
  openHandles: z
    .array(z.enum(["true", "false"]))
    .max(2)
    .optional(),
};

export const workflowEdgeSchema = z.object({
  id,
  source: id,
  sourceHandle: z.enum(outputHandleIds),
  target: id,
});
export type WorkflowEdge = z.infer<typeof workflowEdgeSchema>;

/**
 * What the editor saves: any kind string and any config, so nobody loses work;
 * the validator reports what is wrong, node by node.
 */
export const draftGraphSchema = z.object({
  version: z.literal(1),
  nodes: z.array(z.object({ ...nodeBase, kind: z.string().min(1).max(100), config: z.unknown() })).max(1_000),
  edges: z.array(workflowEdgeSchema.extend({ sourceHandle: z.string().min(1).max(20) })).max(5_000),
});
export type DraftWorkflowGraph = z.infer<typeof draftGraphSchema>;
export type DraftWorkflowNode = DraftWorkflowGraph["nodes"][number];
export type DraftWorkflowEdge = DraftWorkflowGraph["edges"][number];

type NodeBase = {
  id: string;
  position: { x: number; y: number };
  label?: string;
  openHandles?: ConditionHandle[];
};

export type WorkflowNode = { [K in NodeKind]: NodeBase & { kind: K; config: NodeConfig<K> } }[NodeKind];
export type WorkflowNodeOf<K extends NodeKind> = Extract<WorkflowNode, { kind: K }>;

export interface WorkflowGraph {
  version: 1;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}

const nodeSchemas = nodeKinds.map((kind) => z.object({ ...nodeBase, kind: z.literal(kind), config: nodeCatalogue[kind].configSchema }));

export const workflowNodeSchema = z.discriminatedUnion(
  "kind",
  nodeSchemas as unknown as [(typeof nodeSchemas)[number], ...(typeof nodeSchemas)[number][]],
) as unknown as z.ZodType<WorkflowNode>;

/** A stored graph whose every node config passes its kind's schema (graph rules are `validateGraph`'s job). */
export const workflowGraphSchema = z.object({
  version: z.literal(1),
  nodes: z.array(workflowNodeSchema).max(1_000),
  edges: z.array(workflowEdgeSchema).max(5_000),
}) as unknown as z.ZodType<WorkflowGraph>;

export function newNodeId(): string {
  return nanoid(12);
}

export function newEdgeId(): string {
  return `e_${nanoid(12)}`;
}

export function createNode<K extends NodeKind>(
  kind: K,
  position: { x: number; y: number } = { x: 0, y: 0 },
  nodeId: string = newNodeId(),
): WorkflowNodeOf<K> {
  return { id: nodeId, kind, position, config: nodeCatalogue[kind].defaultConfig() } as WorkflowNodeOf<K>;
}

/** A new workflow: just a trigger, waiting for its first step. */
export function emptyGraph(eventType: EventType = "call.missed"): WorkflowGraph {
  const trigger = createNode("trigger", { x: 0, y: 0 });
  trigger.config = { eventType, trackingNumbers: [] };
  return { version: 1, nodes: [trigger], edges: [] };
}

export function triggerNodeOf<G extends { nodes: ReadonlyArray<{ kind: string }> }>(graph: G): G["nodes"][number] | undefined {
  return graph.nodes.find((node) => node.kind === "trigger");
}
