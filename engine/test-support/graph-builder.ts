import { nodeCatalogue, type NodeConfig, type NodeKind } from "../catalogue/registry";
import type { EventType } from "../events/event-types";
import type { ConditionHandle, EdgeHandle, WorkflowEdge, WorkflowGraph, WorkflowNode } from "../graph/graph-schema";

/** A node with the kind's default config, or the given one. */
export function node<K extends NodeKind>(
  id: string,
  kind: K,
  config?: Partial<NodeConfig<K>> | NodeConfig<K>,
  extra: { openHandles?: ConditionHandle[]; label?: string } = {},
): WorkflowNode {
  const defaults = nodeCatalogue[kind].defaultConfig() as object;
  return {
    id,
    kind,
    position: { x: 0, y: 0 },
    config: { ...defaults, ...(config as object) },
    ...extra,
  } as WorkflowNode;
}

export function trigger(id = "t", eventType: EventType = "call.missed", trackingNumbers: string[] = []): WorkflowNode {
  return node(id, "trigger", { eventType, trackingNumbers });
}

export function edge(source: string, target: string, sourceHandle: EdgeHandle = "out"): WorkflowEdge {
  return { id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target };
}

export const yes = (source: string, target: string) => edge(source, target, "true");
export const no = (source: string, target: string) => edge(source, target, "false");

export function graphOf(nodes: WorkflowNode[], edges: WorkflowEdge[]): WorkflowGraph {
  return { version: 1, nodes, edges };
}

/** Condition configs that pass or fail on the missed-call sample (duration 0 s). */
export const alwaysTrue = { operator: "gte", seconds: 0 } as const;
export const alwaysFalse = { operator: "gt", seconds: 86_400 } as const;
