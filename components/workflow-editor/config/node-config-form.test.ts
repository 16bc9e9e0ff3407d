import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { edge, graphOf, node, trigger } from "@/engine/test-support/graph-builder";
import { createEditorStore } from "../model/editor-store";
import { editorGraphFrom } from "../model/editor-graph";
import { EditorStoreContext } from "../use-editor-store";
import { NodeConfigForm } from "./node-config-form";

function renderDelaySettings(amount: number, longestWaitDays: number | null) {
  const config = { amount, unit: "days" as const };
  const graph = graphOf([trigger("t", "call.missed"), node("wait", "action.delay", config)], [edge("t", "wait")]);
  const store = createEditorStore(editorGraphFrom(graph), { longestWaitDays });
  return renderToString(
    createElement(
      EditorStoreContext.Provider,
      { value: store },
      createElement(NodeConfigForm, { nodeId: "wait", kind: "action.delay", config }),
    ),
  );
}

describe("a wait's settings", () => {
  it("say when the wait is longer than the server's executor can hold", () => {
    expect(renderDelaySettings(10, 7)).toMatch(/holds one wait for at most (<!-- -->)?7(<!-- -->)? days/);
    expect(renderDelaySettings(7, 7)).not.toContain("holds one wait");
    // The embedded executor has no such limit.
    expect(renderDelaySettings(10, null)).not.toContain("holds one wait");
  });
});
