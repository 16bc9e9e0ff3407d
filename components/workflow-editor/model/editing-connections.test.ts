import { describe, expect, it } from "vitest";
import { validateGraph } from "@/engine";
import { editorGraphFrom, storedGraphOf, type EditorGraph } from "./editor-graph";
import { createEditorStore } from "./editor-store";
import { addNodeAfter, insertOnEdge, removeSelected, selectOnly } from "./graph-operations";
import { boxesOverlap, boxOf, nudgeClear } from "./node-geometry";
import { addNode, nodeFromKind } from "./graph-operations";

/** trigger → first-time caller? → (Yes) text back → tag; (No) wait. */
function chainGraph(): EditorGraph {
  return editorGraphFrom({
    version: 1,
    nodes: [
      { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } },
      { id: "first", kind: "condition.caller_frequency", position: { x: 0, y: 150 }, config: { mode: "first_time" } },
      { id: "sms", kind: "action.send_sms", position: { x: 0, y: 300 }, config: { body: "Hi" } },
      { id: "tag", kind: "action.tag_call", position: { x: 0, y: 450 }, config: { tags: ["lead"] } },
      { id: "wait", kind: "action.delay", position: { x: 280, y: 300 }, config: { amount: 1, unit: "hours" } },
    ],
    edges: [
      { id: "e1", source: "trigger", sourceHandle: "out", target: "first" },
      { id: "e2", source: "first", sourceHandle: "true", target: "sms" },
      { id: "e3", source: "sms", sourceHandle: "out", target: "tag" },
      { id: "e4", source: "first", sourceHandle: "false", target: "wait" },
    ],
  });
}

function expectNoOverlap(graph: EditorGraph) {
  const boxes = graph.nodes.map((node) => ({ id: node.id, box: boxOf(node) }));
  for (const [index, a] of boxes.entries()) {
    for (const b of boxes.slice(index + 1)) expect(boxesOverlap(a.box, b.box), `${a.id} overlaps ${b.id}`).toBe(false);
  }
}

const links = (graph: EditorGraph) => graph.edges.map((edge) => `${edge.source}:${edge.sourceHandle ?? "out"}>${edge.target}`).sort();
const positionOf = (graph: EditorGraph, id: string) => graph.nodes.find((node) => node.id === id)!.position;

describe("adding under a step", () => {
  it("connects the new step, never overlaps, and pushes the steps below down", () => {
    const graph = chainGraph();
    // "sms" already leads to "tag": the new step goes in between, and "tag" moves down.
    const { graph: next, nodeId } = addNodeAfter(graph, "sms", "action.send_email");
    expect(links(next)).toContain(`sms:out>${nodeId}`);
    expect(links(next)).toContain(`${nodeId}:out>tag`);
    expect(links(next)).not.toContain("sms:out>tag");
    expect(positionOf(next, nodeId).y).toBeGreaterThan(positionOf(next, "sms").y);
    expect(positionOf(next, "tag").y).toBeGreaterThan(positionOf(graph, "tag").y);
    expectNoOverlap(next);
    expect(validateGraph(storedGraphOf(next), { mode: "draft" }).filter((problem) => problem.code === "cycle")).toEqual([]);
  });

  it("never lands on a step that sits exactly where the new one would go", () => {
    const graph = chainGraph();
    // The tag is the leaf: its child would go at y 600, where another step already is.
    const crowded = addNode(graph, { ...nodeFromKind("action.delay", { x: 0, y: 600 }), id: "blocker" });
    const { graph: next, nodeId } = addNodeAfter(crowded, "tag", "action.send_email");
    expect(links(next)).toContain(`tag:out>${nodeId}`);
    expectNoOverlap(next);
    expect(positionOf(next, "blocker").y).toBeGreaterThan(600);
  });

  it("adds many steps in a row without any two overlapping", () => {
    let graph = chainGraph();
    for (const parent of ["trigger", "first", "first", "sms", "wait", "tag"]) graph = addNodeAfter(graph, parent, "action.tag_call").graph;
    expectNoOverlap(graph);
  });

  it("nudges a dropped step off the card it landed on", () => {
    const graph = addNode(chainGraph(), { ...nodeFromKind("action.delay", { x: 5, y: 305 }), id: "dropped" });
    const next = nudgeClear(graph, "dropped");
    expectNoOverlap(next);
  });
});

describe("inserting on a connection", () => {
  it("puts the step between parent and child on the same output, moving the child down", () => {
    const graph = chainGraph();
    const { graph: next, nodeId } = insertOnEdge(graph, "e2", "action.delay")!;
    expect(links(next)).toEqual(
      [`first:true>${nodeId}`, `${nodeId}:out>sms`, "first:false>wait", "sms:out>tag", "trigger:out>first"].sort(),
    );
    expect(positionOf(next, "sms").y).toBeGreaterThan(positionOf(graph, "sms").y);
    expect(positionOf(next, "tag").y).toBeGreaterThan(positionOf(graph, "tag").y);
    expectNoOverlap(next);
  });

  it("hangs the child from a condition's Yes when a condition is inserted", () => {
    const { graph: next, nodeId } = insertOnEdge(chainGraph(), "e3", "condition.caller_frequency")!;
    expect(links(next)).toContain(`${nodeId}:true>tag`);
  });

  it("refuses a connection that is gone", () => {
    expect(insertOnEdge(chainGraph(), "nope", "action.delay")).toBeUndefined();
  });
});

describe("deleting a step in the middle", () => {
  it("joins its parent to its child, from the parent's own output", () => {
    const next = removeSelected(selectOnly(chainGraph(), ["sms"]));
    expect(links(next)).toEqual(["first:false>wait", "first:true>tag", "trigger:out>first"]);
  });

  it("joins the two ends of a removed chain", () => {
    const graph = insertOnEdge(chainGraph(), "e3", "action.delay")!;
    const next = removeSelected(selectOnly(graph.graph, ["sms", graph.nodeId]));
    expect(links(next)).toEqual(["first:false>wait", "first:true>tag", "trigger:out>first"]);
  });

  it("leaves the gap when it is not clear what to join (two ways out)", () => {
    const next = removeSelected(selectOnly(chainGraph(), ["first"]));
    expect(links(next)).toEqual(["sms:out>tag"]);
  });

  it("leaves the gap when two steps lead in", () => {
    const graph = chainGraph();
    graph.edges.push({ id: "e5", source: "wait", sourceHandle: "out", target: "tag" });
    const next = removeSelected(selectOnly(graph, ["tag"]));
    expect(links(next)).toEqual(["first:false>wait", "first:true>sms", "trigger:out>first"]);
  });
});

describe("undo", () => {
  it("brings back the deleted step and its connections in one step, and takes the new connection away", () => {
    const store = createEditorStore(chainGraph());
    const { change, changeView, undo, redo } = store.getState();
    changeView((graph) => selectOnly(graph, ["sms"]));
    change(removeSelected);
    expect(links(store.getState().graph)).toContain("first:true>tag");
    undo();
    expect(store.getState().graph.nodes.map((node) => node.id)).toContain("sms");
    expect(links(store.getState().graph)).toEqual(links(chainGraph()));
    redo();
    expect(links(store.getState().graph)).toContain("first:true>tag");
  });

  it("takes an inserted step away and puts the steps below back where they were", () => {
    const store = createEditorStore(chainGraph());
    store.getState().change((graph) => insertOnEdge(graph, "e2", "action.delay")!.graph);
    expect(store.getState().graph.nodes).toHaveLength(6);
    store.getState().undo();
    expect(store.getState().graph.nodes).toHaveLength(5);
    expect(links(store.getState().graph)).toEqual(links(chainGraph()));
    expect(positionOf(store.getState().graph, "sms")).toEqual({ x: 0, y: 300 });
    expect(positionOf(store.getState().graph, "tag")).toEqual({ x: 0, y: 450 });
  });
});
