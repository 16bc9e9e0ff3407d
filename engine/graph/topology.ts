export interface GraphShape {
  nodes: ReadonlyArray<{ id: string }>;
  edges: ReadonlyArray<{ id: string; source: string; sourceHandle: string; target: string }>;
}

type EdgeOf<G extends GraphShape> = G["edges"][number];

export interface Adjacency<G extends GraphShape> {
  incoming: Map<string, EdgeOf<G>[]>;
  outgoing: Map<string, EdgeOf<G>[]>;
}

/** Edges grouped by node; edges whose ends do not exist are left out. */
export function adjacencyOf<G extends GraphShape>(graph: G): Adjacency<G> {
  const incoming = new Map<string, EdgeOf<G>[]>();
  const outgoing = new Map<string, EdgeOf<G>[]>();
  for (const node of graph.nodes) {
    incoming.set(node.id, []);
    outgoing.set(node.id, []);
  }
  for (const edge of graph.edges) {
    if (!incoming.has(edge.source) || !incoming.has(edge.target)) continue;
    outgoing.get(edge.source)!.push(edge);
    incoming.get(edge.target)!.push(edge);
  }
  return { incoming, outgoing };
}

export function incomingEdges<G extends GraphShape>(graph: G, nodeId: string): EdgeOf<G>[] {
  return graph.edges.filter((edge) => edge.target === nodeId);
}

export function outgoingEdges<G extends GraphShape>(graph: G, nodeId: string): EdgeOf<G>[] {
  return graph.edges.filter((edge) => edge.source === nodeId);
}

/**
 * Kahn's algorithm; among nodes that are ready at the same time the one listed
 * first in `graph.nodes` goes first, so a graph always yields the same order
 * (and a replayed run the same sequence of steps). `null` when there is a cycle.
 */
export function topologicalOrder(graph: GraphShape): string[] | null {
  const ids = [...new Set(graph.nodes.map((node) => node.id))];
  const rank = new Map(ids.map((nodeId, index) => [nodeId, index]));
  const { incoming, outgoing } = adjacencyOf(graph);
  const waiting = new Map(ids.map((nodeId) => [nodeId, incoming.get(nodeId)!.length]));
  const ready = ids.filter((nodeId) => waiting.get(nodeId) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => rank.get(a)! - rank.get(b)!);
    const next = ready.shift()!;
    order.push(next);
    for (const edge of outgoing.get(next)!) {
      const left = waiting.get(edge.target)! - 1;
      waiting.set(edge.target, left);
      if (left === 0) ready.push(edge.target);
    }
  }
  return order.length === ids.length ? order : null;
}

export function reachableFrom(graph: GraphShape, startId: string): Set<string> {
  const { outgoing } = adjacencyOf(graph);
  const seen = new Set<string>();
  if (!outgoing.has(startId)) return seen;
  const stack = [startId];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const edge of outgoing.get(current)!) stack.push(edge.target);
  }
  return seen;
}

export function pathExists(graph: GraphShape, fromId: string, toId: string): boolean {
  return reachableFrom(graph, fromId).has(toId);
}

/** Nodes that sit on some cycle (strongly connected components with more than one node, or a self-loop). */
export function nodesOnCycles(graph: GraphShape): Set<string> {
  const { outgoing } = adjacencyOf(graph);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Set<string>();
  let counter = 0;

  // Iterative Tarjan, so a long chain cannot overflow the call stack.
  for (const root of outgoing.keys()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; edge: number }> = [{ node: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = outgoing.get(frame.node)!;
      if (frame.edge < edges.length) {
        const target = edges[frame.edge++].target;
        if (target === frame.node) result.add(target);
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) component.forEach((nodeId) => result.add(nodeId));
      }
    }
  }
  return result;
}
