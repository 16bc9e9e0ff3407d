import type { EditorGraph, EditorNode } from "./editor-graph";

// Where steps sit on the canvas, for placing new ones without covering another.

/** A card's size until React Flow has measured it (a fresh paste, a test). */
export const fallbackNodeSize = { width: 240, height: 84 };
/** The least room kept between two cards. */
export const nodeGap = 24;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function boxOf(node: EditorNode): Box {
  return {
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? node.width ?? fallbackNodeSize.width,
    height: node.measured?.height ?? node.height ?? fallbackNodeSize.height,
  };
}

/** Whether two cards come closer than `gap` to each other. */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

function overlapsAny(box: Box, others: readonly Box[], gap: number): boolean {
  return others.some((other) => boxesOverlap(box, other, gap));
}

/**
 * The nearest free spot for a card wanted at `box`: where it is if nothing is there, else a little
 * further right and down, step by step, until nothing is in the way.
 */
export function freeSpotNear(box: Box, others: readonly Box[], gap = nodeGap): { x: number; y: number } {
  if (!overlapsAny(box, others, gap)) return { x: box.x, y: box.y };
  const stepX = box.width + gap;
  const stepY = Math.round(box.height / 2 + gap);
  // Right first (a sibling's place), then down: always ends, since far enough down is empty.
  for (let down = 0; ; down++) {
    for (let right = 0; right <= 3; right++) {
      const candidate = { ...box, x: box.x + right * stepX, y: box.y + down * stepY };
      if (!overlapsAny(candidate, others, gap)) return { x: candidate.x, y: candidate.y };
    }
  }
}

/** Moves a step off any card it was dropped on, to the nearest free spot. */
export function nudgeClear(graph: EditorGraph, nodeId: string): EditorGraph {
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return graph;
  const others = graph.nodes.filter((candidate) => candidate.id !== nodeId).map(boxOf);
  const spot = freeSpotNear(boxOf(node), others);
  if (spot.x === node.position.x && spot.y === node.position.y) return graph;
  return { ...graph, nodes: graph.nodes.map((candidate) => (candidate.id === nodeId ? { ...candidate, position: spot } : candidate)) };
}

/**
 * Makes room for a card at `box` under the step whose top is at `belowY`: every card lower than that
 * moves down together, by just enough that none in the new card's column is closer than `spacing`
 * below its top. Moving all of them by the same distance keeps them clear of each other.
 */
export function makeRoomBelow(graph: EditorGraph, box: Box, belowY: number, spacing: number): EditorGraph {
  const below = (node: EditorNode) => node.position.y > belowY;
  let shift = 0;
  for (const node of graph.nodes) {
    if (!below(node)) continue;
    const other = boxOf(node);
    const sameColumn = other.x < box.x + box.width + nodeGap && box.x < other.x + other.width + nodeGap;
    // A card beside the parent, ending above the new one, is not in the way.
    if (!sameColumn || other.y + other.height <= box.y - nodeGap) continue;
    shift = Math.max(shift, box.y + spacing - other.y);
  }
  if (shift <= 0) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map((node) => (below(node) ? { ...node, position: { x: node.position.x, y: node.position.y + shift } } : node)),
  };
}
