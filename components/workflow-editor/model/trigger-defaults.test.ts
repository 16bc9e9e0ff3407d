import { describe, expect, it } from "vitest";
import { defaultEmailSubject } from "@/engine";
import { editorGraphFrom } from "./editor-graph";
import { addNode, nodeFromKind, updateNodeConfig } from "./graph-operations";
import { refitDefaults } from "./trigger-defaults";

const answeredWorkflow = () =>
  editorGraphFrom({
    version: 1,
    nodes: [{ id: "t", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.answered", trackingNumbers: [] } }],
    edges: [],
  });

const subjectOf = (graph: ReturnType<typeof answeredWorkflow>, index: number) =>
  (graph.nodes[index]!.data.config as { subject: string }).subject;

describe("starting texts that fit the trigger", () => {
  it("gives a new email in an answered-call workflow an “Answered call…” subject", () => {
    const graph = addNode(answeredWorkflow(), nodeFromKind("action.send_email", { x: 0, y: 100 }));
    expect(subjectOf(graph, 1)).toBe(defaultEmailSubject("call.answered"));
    expect(subjectOf(graph, 1)).not.toMatch(/missed/i);
  });

  it("rewords untouched texts when the trigger changes, and leaves edited ones alone", () => {
    let graph = addNode(answeredWorkflow(), nodeFromKind("action.send_email", { x: 0, y: 100 }));
    graph = addNode(graph, nodeFromKind("action.send_email", { x: 0, y: 200 }));
    const edited = graph.nodes[2]!;
    graph = updateNodeConfig(graph, edited.id, { ...(edited.data.config as object), subject: "My own words" });
    const missed = refitDefaults(graph, "call.answered", "call.missed");
    expect(subjectOf(missed, 1)).toBe(defaultEmailSubject("call.missed"));
    expect(subjectOf(missed, 2)).toBe("My own words");
    expect(refitDefaults(graph, "call.answered", "call.answered")).toBe(graph);
  });
});
