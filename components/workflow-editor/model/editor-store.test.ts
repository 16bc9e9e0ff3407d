import { describe, expect, it, vi } from "vitest";
import { editorGraphFrom, type EditorGraph } from "./editor-graph";
import { createEditorStore, historyLimit, mergeWindowMs } from "./editor-store";
import { removeSelected, selectOnly, updateNodeConfig } from "./graph-operations";

const initial = editorGraphFrom({
  version: 1,
  nodes: [
    { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } },
    { id: "sms", kind: "action.send_sms", position: { x: 0, y: 150 }, config: { body: "Hi" } },
  ],
  edges: [{ id: "e1", source: "trigger", sourceHandle: "out", target: "sms" }],
});

const smsBody = (graph: EditorGraph) => (graph.nodes[1]!.data.config as { body: string }).body;
const setBody = (body: string) => (graph: EditorGraph) => updateNodeConfig(graph, "sms", { body });

describe("editor store", () => {
  it("re-validates on change and undoes a deletion", () => {
    let clock = 0;
    const store = createEditorStore(initial, { now: () => (clock += 5_000) });
    const { change, changeView, undo, redo } = store.getState();
    expect(store.getState().problems.all).toEqual([]);
    change((graph) => updateNodeConfig(graph, "sms", { body: "" }));
    expect(store.getState().problems.byNode.get("sms")?.[0]?.message).toBe("Write the text message");
    changeView((graph) => selectOnly(graph, ["sms"]));
    change(removeSelected);
    expect(store.getState().graph.nodes).toHaveLength(1);
    undo();
    expect(store.getState().graph.nodes).toHaveLength(2);
    redo();
    expect(store.getState().graph.nodes).toHaveLength(1);
    expect(store.getState().contentVersion).toBe(4);
  });

  it("undoes and redoes in order, keeping the selection the user has now", () => {
    let clock = 0;
    const store = createEditorStore(initial, { now: () => (clock += 10_000) });
    const { change, changeView, undo, redo } = store.getState();
    change(setBody("A"));
    change(setBody("B"));
    changeView((graph) => selectOnly(graph, ["sms"]));
    undo();
    expect(smsBody(store.getState().graph)).toBe("A");
    expect(store.getState().graph.nodes[1]!.selected).toBe(true);
    undo();
    expect(smsBody(store.getState().graph)).toBe("Hi");
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    undo();
    expect(smsBody(store.getState().graph)).toBe("Hi");
    redo();
    expect(smsBody(store.getState().graph)).toBe("A");
    redo();
    expect(smsBody(store.getState().graph)).toBe("B");
  });

  it("merges edits to one field made in quick succession into one undo step", () => {
    let clock = 0;
    const store = createEditorStore(initial, { now: () => clock });
    const { change } = store.getState();
    change(setBody("H"), { mergeKey: "sms:body" });
    clock += mergeWindowMs / 2;
    change(setBody("He"), { mergeKey: "sms:body" });
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    clock += mergeWindowMs * 3;
    change(setBody("Hey"), { mergeKey: "sms:body" });
    expect(store.temporal.getState().pastStates.map((entry) => smsBody(entry.graph!))).toEqual(["Hi", "He"]);
  });

  it("forgets the redo path after a new edit and caps the history's length", () => {
    let clock = 0;
    const store = createEditorStore(initial, { now: () => (clock += 10_000) });
    const { change, undo } = store.getState();
    change(setBody("A"));
    undo();
    expect(store.temporal.getState().futureStates).toHaveLength(1);
    change(setBody("B"));
    expect(store.temporal.getState().futureStates).toHaveLength(0);
    for (let i = 0; i < historyLimit + 20; i++) change(setBody(`edit ${i}`));
    expect(store.temporal.getState().pastStates).toHaveLength(historyLimit);
  });

  it("turns one drag into one undo step", () => {
    const store = createEditorStore(initial);
    const { beginMove, move, endMove, undo } = store.getState();
    beginMove();
    for (let y = 151; y < 160; y++)
      move((graph) => ({ ...graph, nodes: graph.nodes.map((node) => (node.id === "sms" ? { ...node, position: { x: 0, y } } : node)) }));
    endMove();
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    undo();
    expect(store.getState().graph.nodes[1]!.position.y).toBe(150);
  });

  it("adds template problems once Liquid's checker has loaded", async () => {
    const store = createEditorStore(initial);
    store.getState().change((graph) => updateNodeConfig(graph, "sms", { body: "Hi {{ caller.nmae }}" }));
    await vi.waitFor(() =>
      expect(store.getState().problems.byNode.get("sms")?.[0]).toMatchObject({
        code: "template_unknown_variable",
        message: 'Message: There is no "caller.nmae" for this trigger. Did you mean "caller.name"?',
      }),
    );
  });

  it("refuses changes when read-only", () => {
    const store = createEditorStore(initial, { readOnly: true });
    store.getState().change((graph) => updateNodeConfig(graph, "sms", { body: "" }));
    expect(store.getState().contentVersion).toBe(0);
  });
});
