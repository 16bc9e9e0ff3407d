import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { edge, graphOf, node, trigger } from "../test-support/graph-builder";
import { randomGraph } from "../test-support/random-graphs";
import { checkTemplate } from "../templates/liquid";
import { workflowGraphSchema } from "../graph/graph-schema";
import { asPublishBlockers, publishBlockers, publishBlockersWith } from "./publish-blockers";
import { validateGraphWith } from "./validate-graph-with";

// What the editor shows: its draft problems (as its store computes them), counted as publishing counts them.
const editorBlockers = (graph: unknown) => asPublishBlockers(validateGraphWith(graph, { mode: "draft", checkTemplate }));

describe("what blocks publishing", () => {
  it("is the same list for the editor's Problems tab, its Publish dialog and the server, on any graph", () => {
    fc.assert(
      fc.property(randomGraph({ allowMess: true, maxNodes: 8 }), (graph) => {
        expect(editorBlockers(graph)).toEqual(publishBlockers(graph));
      }),
      { numRuns: 300 },
    );
  });

  it("counts a draft's unfinished paths: a workflow whose trigger leads nowhere is not “ready to publish”", () => {
    const graph = graphOf([trigger("t"), node("sms", "action.send_sms")], []);
    const draft = validateGraphWith(graph, { mode: "draft", checkTemplate });
    expect(draft.every((problem) => problem.severity === "warning")).toBe(true);
    expect(publishBlockers(graph).map((problem) => problem.code)).toEqual(["trigger_not_connected", "action_without_upstream"]);
    expect(editorBlockers(graph)).toEqual(publishBlockers(graph));
  });

  it("leaves templates unchecked only until the editor has Liquid", () => {
    const graph = graphOf([trigger("t"), node("sms", "action.send_sms", { body: "Hi {{ caller.nmae }}" })], [edge("t", "sms")]);
    expect(publishBlockersWith(graph, null)).toEqual([]);
    expect(publishBlockers(graph)).toEqual([expect.objectContaining({ nodeId: "sms", field: "body", code: "template_unknown_variable" })]);
  });

  it("ignores addresses left in “These addresses…” after switching to “Everyone in this workspace”", () => {
    const email = (config: object) =>
      graphOf([trigger("t"), node("mail", "action.send_email", { subject: "Call", ...config })], [edge("t", "mail")]);
    const typedThenSwitched = email({ to: "all_members", addresses: ["sales@exa"] });
    expect(publishBlockers(typedThenSwitched)).toEqual([]);
    expect(editorBlockers(typedThenSwitched)).toEqual([]);
    expect(workflowGraphSchema.safeParse(typedThenSwitched).success).toBe(true);
    // Shown, and blocking, while that mode is chosen.
    expect(publishBlockers(email({ to: "addresses", addresses: ["sales@exa"] }))).toEqual([
      expect.objectContaining({ nodeId: "mail", field: "addresses.0", message: "“sales@exa” isn't a valid email address" }),
    ]);
    expect(publishBlockers(email({ to: "addresses", addresses: [] }))).toEqual([
      expect.objectContaining({ nodeId: "mail", field: "addresses", message: "Add at least one email address" }),
    ]);
  });

  it("ignores a call duration's upper bound unless the comparison is “between”", () => {
    const duration = (config: object) =>
      graphOf([trigger("t"), node("d", "condition.call_duration", config, { openHandles: ["true", "false"] })], [edge("t", "d")]);
    expect(publishBlockers(duration({ operator: "gt", seconds: 30, maxSeconds: -5 }))).toEqual([]);
    expect(publishBlockers(duration({ operator: "between", seconds: 30, maxSeconds: 10 }))).toEqual([
      expect.objectContaining({ nodeId: "d", field: "maxSeconds", message: "For “between”, the second amount must be at least the first" }),
    ]);
    expect(publishBlockers(duration({ operator: "between", seconds: 30 }))).toEqual([
      expect.objectContaining({ nodeId: "d", field: "maxSeconds" }),
    ]);
  });
});
