import type { GraphContext } from "../graph-context";
import type { RuleFinding } from "../validation-error";

/** Ids are unique, kinds are known, and every connection joins two existing steps through a real output. */
export function structureRules(ctx: GraphContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const seenNodes = new Set<string>();
  for (const node of ctx.graph.nodes) {
    if (seenNodes.has(node.id)) {
      findings.push({
        nodeId: node.id,
        code: "duplicate_node_id",
        message: "Two steps share the same id. Delete one of them and add it again.",
      });
    }
    seenNodes.add(node.id);
    if (!ctx.definitionOf(node)) {
      findings.push({
        nodeId: node.id,
        code: "unknown_kind",
        message: "This kind of step doesn't exist (any more). Delete it and pick one from the palette.",
      });
    }
  }
  const seenEdges = new Set<string>();
  const seenLinks = new Set<string>();
  for (const edge of ctx.graph.edges) {
    if (seenEdges.has(edge.id)) {
      findings.push({
        edgeId: edge.id,
        code: "duplicate_edge_id",
        message: "Two connections share the same id. Delete one of them and connect again.",
      });
    }
    seenEdges.add(edge.id);
    const source = ctx.nodesById.get(edge.source);
    const target = ctx.nodesById.get(edge.target);
    if (!source) {
      findings.push({
        edgeId: edge.id,
        code: "edge_unknown_source",
        message: "This connection starts at a step that no longer exists. Delete the connection.",
      });
    }
    if (!target) {
      findings.push({
        edgeId: edge.id,
        code: "edge_unknown_target",
        message: "This connection leads to a step that no longer exists. Delete the connection.",
      });
    }
    if (!source || !target) continue;
    const definition = ctx.definitionOf(source);
    if (definition && !definition.outputs.some((output) => output.id === edge.sourceHandle)) {
      findings.push({
        edgeId: edge.id,
        nodeId: source.id,
        code: "edge_invalid_handle",
        message: `This connection leaves “${definition.label}” from an output it doesn't have. Delete it and connect again.`,
      });
    }
    if (edge.source === edge.target) {
      findings.push({
        edgeId: edge.id,
        nodeId: source.id,
        code: "self_loop",
        message: "This step is connected to itself. Delete that connection.",
      });
      continue;
    }
    const link = `${edge.source}\u0000${edge.sourceHandle}\u0000${edge.target}`;
    if (seenLinks.has(link)) {
      findings.push({
        edgeId: edge.id,
        code: "duplicate_edge",
        message: "These two steps are already connected this way. Delete the extra connection.",
      });
    }
    seenLinks.add(link);
  }
  return findings;
}
