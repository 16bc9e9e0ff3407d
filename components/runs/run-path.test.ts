import { describe, expect, it } from "vitest";
import { edge, graphOf, no, node, trigger, yes } from "@/engine/test-support/graph-builder";
import { runPathOf } from "./run-path";

const branches = graphOf(
  [
    trigger("t", "call.completed"),
    node("long", "condition.call_duration", { operator: "gt", seconds: 10 }),
    node("sms", "action.send_sms"),
    node("hook", "action.webhook", { urls: ["https://example.com/hook"], headers: [] }),
    node("tag", "action.tag_call", { tags: ["followed-up"] }),
  ],
  [edge("t", "long"), yes("long", "sms"), no("long", "hook"), edge("sms", "tag")],
);

describe("runPathOf", () => {
  it("follows the Yes branch of a condition and greys the No side", () => {
    const path = runPathOf(branches, [
      { nodeId: "t", status: "succeeded" },
      { nodeId: "long", status: "succeeded", branch: "true" },
      { nodeId: "sms", status: "succeeded", branch: null },
      { nodeId: "hook", status: "skipped" },
      { nodeId: "tag", status: "succeeded" },
    ]);
    expect(path.nodes).toEqual({ t: "succeeded", long: "succeeded", sms: "succeeded", hook: "skipped", tag: "succeeded" });
    expect(path.edges).toEqual({
      "t-out-long": "taken",
      "long-true-sms": "taken",
      "long-false-hook": "not-taken",
      "sms-out-tag": "taken",
    });
  });

  it("follows the No branch", () => {
    const path = runPathOf(branches, [
      { nodeId: "t", status: "succeeded" },
      { nodeId: "long", status: "succeeded", branch: "false" },
      { nodeId: "sms", status: "skipped" },
      { nodeId: "hook", status: "succeeded" },
      { nodeId: "tag", status: "skipped" },
    ]);
    expect(path.edges["long-true-sms"]).toBe("not-taken");
    expect(path.edges["long-false-hook"]).toBe("taken");
    expect(path.edges["sms-out-tag"]).toBe("not-taken");
    expect(path.nodes.sms).toBe("skipped");
  });

  it("takes no edge out of a failed step, and marks nodes without a step as not reached", () => {
    const path = runPathOf(branches, [
      { nodeId: "t", status: "succeeded" },
      { nodeId: "long", status: "succeeded", branch: "true" },
      { nodeId: "sms", status: "failed" },
    ]);
    expect(path.nodes).toMatchObject({ sms: "failed", hook: "not-reached", tag: "not-reached" });
    expect(path.edges["sms-out-tag"]).toBe("not-taken");
  });

  it("shows a sleeping delay as waiting and a retrying step as running, neither taking its edges yet", () => {
    const graph = graphOf(
      [trigger("t"), node("wait", "action.delay", { amount: 1, unit: "hours" }), node("sms", "action.send_sms")],
      [edge("t", "wait"), edge("wait", "sms")],
    );
    const path = runPathOf(graph, [
      { nodeId: "t", status: "succeeded" },
      { nodeId: "wait", status: "sleeping" },
    ]);
    expect(path.nodes).toEqual({ t: "succeeded", wait: "waiting", sms: "not-reached" });
    expect(path.edges).toEqual({ "t-out-wait": "taken", "wait-out-sms": "not-taken" });
    expect(
      runPathOf(graph, [
        { nodeId: "t", status: "succeeded" },
        { nodeId: "wait", status: "running" },
      ]).nodes.wait,
    ).toBe("running");
  });

  it("accepts React Flow edges whose single handle is unnamed, and a trigger that did not fire", () => {
    const graph = { nodes: [{ id: "t" }, { id: "a" }], edges: [{ id: "e", source: "t", target: "a", sourceHandle: null }] };
    expect(runPathOf(graph, [{ nodeId: "t", status: "succeeded" }]).edges.e).toBe("taken");
    expect(runPathOf(graph, [{ nodeId: "t", status: "skipped" }]).edges.e).toBe("not-taken");
  });

  it("ignores steps of nodes that are no longer in the graph", () => {
    const path = runPathOf(branches, [{ nodeId: "gone", status: "succeeded" }]);
    expect(Object.keys(path.nodes)).toEqual(["t", "long", "sms", "hook", "tag"]);
    expect(Object.values(path.edges).every((outcome) => outcome === "not-taken")).toBe(true);
  });
});
