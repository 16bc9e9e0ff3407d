import { describe, expect, it, vi } from "vitest";
import { editorGraphFrom } from "./editor-graph";
import { createEditorStore } from "./editor-store";
import { removeSelected, selectOnly, updateNodeConfig } from "./graph-operations";

const initial = editorGraphFrom({
  version: 1,
  nodes: [
    { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } },
    { id: "sms", kind: "action.send_sms", position: { x: 0, y: 150 }, config: { body: "Hi" } },
  ],
  edges: [{ id: "e1", source: "trigger", sourceHandle: "out", target: "sms" }],
});

describe("editor store", () => {
  it("re-validates on change and undoes a deletion", () => {
    let clock = 0;
    const store = createEditorStore(initial, { now: () => (clock += 5_000) });
    expect(store.getState().problems.all).toEqual([]);
    store.change((graph) => updateNodeConfig(graph, "sms", { body: "" }));
    expect(store.getState().problems.byNode.get("sms")?.[0]?.message).toBe("Write the text message");
    store.changeView((graph) => selectOnly(graph, ["sms"]));
    store.change(removeSelected);
    expect(store.getState().graph.nodes).toHaveLength(1);
    store.undo();
    expect(store.getState().graph.nodes).toHaveLength(2);
    store.redo();
    expect(store.getState().graph.nodes).toHaveLength(1);
    expect(store.getState().contentVersion).toBe(4);
  });

  it("turns one drag into one undo step", () => {
    const store = createEditorStore(initial);
    store.beginMove();
    for (let y = 151; y < 160; y++) store.move((graph) => ({ ...graph, nodes: graph.nodes.map((node) => (node.id === "sms" ? { ...node, position: { x: 0, y } } : node)) }));
    store.endMove();
    expect(store.getState().history.past).toHaveLength(1);
    store.undo();
    expect(store.getState().graph.nodes[1]!.position.y).toBe(150);
  });

  it("adds template problems once Liquid's checker has loaded", async () => {
    const store = createEditorStore(initial);
    store.change((graph) => updateNodeConfig(graph, "sms", { body: "Hi {{ caller.nmae }}" }));
    await vi.waitFor(() =>
      expect(store.getState().problems.byNode.get("sms")?.[0]).toMatchObject({
        code: "template_unknown_variable",
        message: 'Message: There is no "caller.nmae" for this trigger. Did you mean "caller.name"?',
      }),
    );
  });

  it("refuses changes when read-only", () => {
    const store = createEditorStore(initial, { readOnly: true });
    store.change((graph) => updateNodeConfig(graph, "sms", { body: "" }));
    expect(store.getState().contentVersion).toBe(0);
  });
});
