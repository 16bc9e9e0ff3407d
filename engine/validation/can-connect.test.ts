import { describe, expect, it } from "vitest";
import { edge, graphOf, node, trigger, yes } from "../test-support/graph-builder";
import { canConnect } from "./can-connect";

const graph = graphOf(
  [trigger("t"), node("c", "condition.call_duration"), node("a", "action.send_sms"), node("b", "action.delay")],
  [edge("t", "c"), yes("c", "a")],
);

describe("canConnect", () => {
  it("allows a new forward connection", () => {
    expect(canConnect(graph, { source: "c", sourceHandle: "false", target: "b" })).toEqual({ ok: true });
    expect(canConnect(graph, { source: "a", target: "b" })).toEqual({ ok: true });
    expect(canConnect(graph, { source: "a", sourceHandle: null, target: "b" })).toEqual({ ok: true });
  });

  it("allows the other branch of a condition to the same step", () => {
    expect(canConnect(graph, { source: "c", sourceHandle: "false", target: "a" })).toEqual({ ok: true });
  });

  it.each([
    ["into the trigger", { source: "a", target: "t" }, "Nothing can lead into the trigger: it is where the workflow starts."],
    ["to itself", { source: "a", target: "a" }, "A step can't connect to itself."],
    ["twice from the same output", { source: "c", sourceHandle: "true", target: "a" }, "These steps are already connected this way."],
    ["back upstream", { source: "a", target: "c" }, "That would make a loop: a workflow must always move forward."],
    ["from a missing step", { source: "ghost", target: "a" }, "That step no longer exists."],
    ["to a missing step", { source: "a", target: "ghost" }, "That step no longer exists."],
    ["from an output the step lacks", { source: "a", sourceHandle: "true", target: "b" }, "This step has no such output."],
    ["from a condition without naming the branch", { source: "c", target: "b" }, "This step has no such output."],
  ])("refuses a connection %s", (_label, connection, reason) => {
    expect(canConnect(graph, connection)).toEqual({ ok: false, reason });
  });
});
