import { describe, expect, it } from "vitest";
import { nodeKinds } from "../catalogue/registry";
import {
  createNode,
  draftGraphSchema,
  emptyGraph,
  newEdgeId,
  newNodeId,
  triggerNodeOf,
  workflowGraphSchema,
  workflowNodeSchema,
} from "./graph-schema";

describe("graph schema", () => {
  it("starts a workflow with a single trigger", () => {
    const graph = emptyGraph("sms.received");
    expect(graph.version).toBe(1);
    expect(graph.edges).toEqual([]);
    expect(graph.nodes).toHaveLength(1);
    expect(triggerNodeOf(graph)?.config).toEqual({ eventType: "sms.received", trackingNumbers: [] });
    expect(workflowGraphSchema.parse(graph)).toEqual(graph);
    expect(emptyGraph().nodes[0].config).toMatchObject({ eventType: "call.missed" });
  });

  it("creates nodes of every kind with their default config", () => {
    for (const kind of nodeKinds) {
      const node = createNode(kind, { x: 10, y: 20 });
      expect(node).toMatchObject({ kind, position: { x: 10, y: 20 } });
      expect(node.id).toMatch(/^[\w-]{12}$/);
      expect(draftGraphSchema.safeParse({ version: 1, nodes: [node], edges: [] }).success).toBe(true);
    }
    expect(createNode("action.delay", undefined, "fixed").id).toBe("fixed");
  });

  it("makes fresh ids", () => {
    expect(newNodeId()).not.toBe(newNodeId());
    expect(newEdgeId()).toMatch(/^e_/);
  });

  it("discriminates nodes by kind and checks each config", () => {
    const sms = { id: "n1", kind: "action.send_sms", position: { x: 0, y: 0 }, config: { body: "Hi" } };
    expect(workflowNodeSchema.safeParse(sms).success).toBe(true);
    expect(workflowNodeSchema.safeParse({ ...sms, config: { body: "" } }).success).toBe(false);
    expect(workflowNodeSchema.safeParse({ ...sms, kind: "action.unknown" }).success).toBe(false);
    expect(workflowNodeSchema.safeParse({ ...sms, config: { amount: 1, unit: "hours" }, kind: "action.delay" }).success).toBe(true);
  });

  it("keeps a draft readable even when configs and kinds are wrong", () => {
    const draft = {
      version: 1,
      nodes: [{ id: "n1", kind: "action.unknown", position: { x: 0, y: 0 }, config: { anything: true } }],
      edges: [{ id: "e1", source: "n1", sourceHandle: "sideways", target: "n2" }],
    };
    expect(draftGraphSchema.safeParse(draft).success).toBe(true);
    expect(workflowGraphSchema.safeParse(draft).success).toBe(false);
  });

  it("rejects what is not a graph at all", () => {
    expect(draftGraphSchema.safeParse({ version: 2, nodes: [], edges: [] }).success).toBe(false);
    expect(
      draftGraphSchema.safeParse({ version: 1, nodes: [{ id: "", kind: "trigger", position: { x: 0, y: 0 } }], edges: [] }).success,
    ).toBe(false);
    expect(
      draftGraphSchema.safeParse({ version: 1, nodes: [{ id: "a", kind: "trigger", position: { x: Infinity, y: 0 } }], edges: [] }).success,
    ).toBe(false);
  });
});
