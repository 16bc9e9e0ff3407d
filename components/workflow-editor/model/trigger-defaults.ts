import { getNodeDefinition, isEventType, type EventType } from "@/engine";
import type { EditorGraph, EditorNode } from "./editor-graph";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The trigger's event type in the editor's graph, when one is chosen. */
export function editorEventType(graph: EditorGraph): EventType | undefined {
  const trigger = graph.nodes.find((node) => node.data.kind === "trigger");
  const eventType = (trigger?.data.config as { eventType?: unknown } | undefined)?.eventType;
  return isEventType(eventType) ? eventType : undefined;
}

/**
 * A step whose settings are still its kind's starting ones for `from`, given the starting ones for
 * `to`: a new email's subject then says "Answered call…" in an answered-call workflow. Settings the
 * user changed are left alone.
 */
export function withDefaultsFor(node: EditorNode, to: EventType | undefined, from?: EventType): EditorNode {
  const definition = getNodeDefinition(node.data.kind);
  if (!definition || definition.category === "trigger" || from === to) return node;
  if (!same(node.data.config, definition.defaultConfig(from))) return node;
  const config = definition.defaultConfig(to);
  return same(config, node.data.config) ? node : { ...node, data: { ...node.data, config } };
}

/** After the trigger changed: every step still on its starting settings gets the new trigger's. */
export function refitDefaults(graph: EditorGraph, from: EventType | undefined, to: EventType | undefined): EditorGraph {
  if (from === to) return graph;
  let changed = false;
  const nodes = graph.nodes.map((node) => {
    const next = withDefaultsFor(node, to, from);
    if (next !== node) changed = true;
    return next;
  });
  return changed ? { ...graph, nodes } : graph;
}
