import dagre from "@dagrejs/dagre";
import type { EditorGraph } from "./editor-graph";
import { fallbackNodeSize as fallbackSize } from "./node-geometry";

const handleOrder: Record<string, number> = { true: 0, out: 1, false: 2 };

function byHandle<E extends { sourceHandle?: string | null }>(edges: readonly E[]): E[] {
  return [...edges].sort((a, b) => (handleOrder[a.sourceHandle ?? "out"] ?? 1) - (handleOrder[b.sourceHandle ?? "out"] ?? 1));
}

// dagre keeps the order nodes arrive in when it can, so Yes children arrive before No children.
function yesFirstOrder(graph: EditorGraph): EditorGraph["nodes"] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const edges = byHandle(graph.edges);
  const seen = new Set<string>();
  const order: EditorGraph["nodes"] = [];
  const queue = graph.nodes.filter((node) => !graph.edges.some((edge) => edge.target === node.id)).map((node) => node.id);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id) || !byId.has(id)) continue;
    seen.add(id);
    order.push(byId.get(id)!);
    for (const edge of edges) if (edge.source === id) queue.push(edge.target);
  }
  return [...order, ...graph.nodes.filter((node) => !seen.has(node.id))];
}

// dagre does not promise an order within a row; a mirror image puts Yes on the left again.
function yesMostlyOnTheRight(graph: EditorGraph, xOf: (id: string) => number): boolean {
  let balance = 0;
  for (const node of graph.nodes) {
    const yes = graph.edges.find((edge) => edge.source === node.id && edge.sourceHandle === "true");
    const no = graph.edges.find((edge) => edge.source === node.id && edge.sourceHandle === "false");
    if (!yes || !no) continue;
    balance += Math.sign(xOf(yes.target) - xOf(no.target));
  }
  return balance > 0;
}

/** "Tidy up": lays the steps out top to bottom, Yes paths to the left of No paths. */
export function tidyLayout(graph: EditorGraph): EditorGraph {
  const layout = new dagre.graphlib.Graph();
  layout.setGraph({ rankdir: "TB", nodesep: 48, ranksep: 72 });
  layout.setDefaultEdgeLabel(() => ({}));
  for (const node of yesFirstOrder(graph)) {
    layout.setNode(node.id, {
      width: node.measured?.width ?? fallbackSize.width,
      height: node.measured?.height ?? fallbackSize.height,
    });
  }
  for (const edge of byHandle(graph.edges)) {
    if (layout.hasNode(edge.source) && layout.hasNode(edge.target)) layout.setEdge(edge.source, edge.target);
  }
  dagre.layout(layout);
  const mirror = yesMostlyOnTheRight(graph, (id) => layout.node(id).x) ? -1 : 1;
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const placed = { x: mirror * layout.node(node.id).x, y: layout.node(node.id).y };
      // dagre gives centres; React Flow positions are top-left corners.
      const width = node.measured?.width ?? fallbackSize.width;
      const height = node.measured?.height ?? fallbackSize.height;
      return { ...node, position: { x: Math.round(placed.x - width / 2), y: Math.round(placed.y - height / 2) } };
    }),
  };
}
