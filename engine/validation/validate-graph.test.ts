import { describe, expect, it } from "vitest";
import { alwaysTrue, edge, graphOf, node, no, trigger, yes } from "../test-support/graph-builder";
import type { WorkflowGraph } from "../graph/graph-schema";
import { errorsForNode, isPublishable, validateGraph } from "./validate-graph";
import type { ValidationError } from "./validation-error";

const publish = (graph: unknown) => validateGraph(graph, { mode: "publish" });
const codes = (errors: ValidationError[]) => errors.map((error) => error.code);

/** trigger → duration? → yes: SMS, no: left open */
const valid = (): WorkflowGraph =>
  graphOf(
    [trigger("t"), node("c", "condition.call_duration", alwaysTrue, { openHandles: ["false"] }), node("sms", "action.send_sms")],
    [edge("t", "c"), yes("c", "sms")],
  );

describe("validateGraph", () => {
  it("accepts a complete workflow", () => {
    expect(publish(valid())).toEqual([]);
    expect(isPublishable(valid())).toBe(true);
  });

  it("defaults to publish mode", () => {
    const graph = graphOf([trigger("t")], []);
    expect(validateGraph(graph)).toEqual(publish(graph));
  });

  it("never throws on garbage, and says the graph cannot be read", () => {
    for (const input of [null, undefined, 42, "graph", [], { version: 1 }, { version: 1, nodes: "x", edges: [] }]) {
      const errors = publish(input);
      expect(codes(errors)).toEqual(["invalid_graph"]);
      expect(errors[0].severity).toBe("error");
    }
    expect(publish({ version: 1, nodes: [{ id: 1 }], edges: [] })[0].message).toContain("nodes.0.id");
    expect(isPublishable(null)).toBe(false);
  });

  it("reports an internal problem instead of throwing", () => {
    const graph = valid();
    const config = {};
    Object.defineProperty(config, "body", {
      enumerable: true,
      get: () => {
        throw new Error("bad getter");
      },
    });
    (graph.nodes[2] as { config: unknown }).config = config;
    expect(publish(graph)).toEqual([expect.objectContaining({ code: "internal_error", message: expect.stringContaining("bad getter") })]);
  });

  describe("trigger rules", () => {
    it("needs a trigger", () => {
      const errors = publish(graphOf([node("a", "action.send_sms")], []));
      expect(codes(errors)).toContain("missing_trigger");
      expect(errors.find((e) => e.code === "missing_trigger")?.message).toBe("Add a trigger: it decides what starts this workflow.");
    });

    it("allows only one trigger", () => {
      const graph = valid();
      graph.nodes.push(trigger("t2"));
      expect(publish(graph)).toContainEqual(expect.objectContaining({ code: "multiple_triggers", nodeId: "t2" }));
      expect(publish(graph).filter((e) => e.code === "multiple_triggers")).toHaveLength(1);
    });

    it("lets nothing enter the trigger", () => {
      const graph = valid();
      graph.edges.push(edge("sms", "t"));
      const errors = publish(graph);
      expect(errors).toContainEqual(expect.objectContaining({ code: "edge_into_trigger", edgeId: "sms-out-t", nodeId: "t" }));
      expect(codes(errors)).toContain("cycle");
    });
  });

  describe("structure rules", () => {
    it("reports duplicate node and edge ids", () => {
      const graph = valid();
      graph.nodes.push({ ...graph.nodes[2] });
      graph.edges.push({ ...graph.edges[0] });
      const errors = publish(graph);
      expect(errors).toContainEqual(expect.objectContaining({ code: "duplicate_node_id", nodeId: "sms" }));
      expect(errors).toContainEqual(expect.objectContaining({ code: "duplicate_edge_id", edgeId: "t-out-c" }));
      expect(errors).toContainEqual(expect.objectContaining({ code: "duplicate_edge", edgeId: "t-out-c" }));
    });

    it("reports unknown kinds", () => {
      const graph = valid();
      graph.nodes.push({ ...node("x", "action.delay"), kind: "action.fax" } as never);
      graph.edges.push(edge("sms", "x"));
      expect(publish(graph)).toContainEqual(expect.objectContaining({ code: "unknown_kind", nodeId: "x" }));
    });

    it("reports connections to and from missing steps", () => {
      const graph = valid();
      graph.edges.push({ id: "e-from", source: "ghost", sourceHandle: "out", target: "sms" });
      graph.edges.push({ id: "e-to", source: "sms", sourceHandle: "out", target: "ghost" });
      const errors = publish(graph);
      expect(errors).toContainEqual(expect.objectContaining({ code: "edge_unknown_source", edgeId: "e-from" }));
      expect(errors).toContainEqual(expect.objectContaining({ code: "edge_unknown_target", edgeId: "e-to" }));
    });

    it("reports a connection through an output the step does not have", () => {
      const graph = valid();
      graph.edges.push({ id: "bad", source: "sms", sourceHandle: "true", target: "c" });
      graph.edges.push({ id: "odd", source: "t", sourceHandle: "sideways", target: "sms" } as never);
      const errors = publish(graph);
      expect(errors).toContainEqual(expect.objectContaining({ code: "edge_invalid_handle", edgeId: "bad", nodeId: "sms" }));
      expect(errors).toContainEqual(expect.objectContaining({ code: "edge_invalid_handle", edgeId: "odd" }));
    });

    it("reports a step connected to itself as a self-loop, not as a cycle", () => {
      const graph = valid();
      graph.edges.push(edge("sms", "sms"));
      const errors = publish(graph);
      expect(errors).toContainEqual(expect.objectContaining({ code: "self_loop", nodeId: "sms" }));
      expect(codes(errors)).not.toContain("cycle");
    });
  });

  describe("cycles and reachability", () => {
    it("names every step on a loop", () => {
      const graph = graphOf(
        [trigger("t"), node("a", "action.delay"), node("b", "action.delay"), node("c", "action.delay")],
        [edge("t", "a"), edge("a", "b"), edge("b", "c"), edge("c", "a")],
      );
      const errors = publish(graph).filter((e) => e.code === "cycle");
      expect(errors.map((e) => e.nodeId).sort()).toEqual(["a", "b", "c"]);
      expect(errors[0].message).toContain("loop");
    });

    it("needs a step after the trigger", () => {
      expect(publish(graphOf([trigger("t")], []))).toEqual([
        expect.objectContaining({
          code: "trigger_not_connected",
          nodeId: "t",
          message: "Add a step after the trigger: right now this workflow does nothing.",
        }),
      ]);
    });

    it("reports an action with nothing before it", () => {
      const graph = valid();
      graph.nodes.push(node("orphan", "action.send_email"));
      expect(publish(graph)).toContainEqual(
        expect.objectContaining({
          code: "action_without_upstream",
          nodeId: "orphan",
          message: "This action has nothing before it. Connect it after the trigger or a condition.",
        }),
      );
    });

    it("reports steps that cannot be reached from the trigger", () => {
      const graph = valid();
      graph.nodes.push(node("island", "condition.caller_frequency", undefined, { openHandles: ["true"] }), node("after", "action.delay"));
      graph.edges.push(no("island", "after"));
      const errors = publish(graph);
      expect(errors).toContainEqual(expect.objectContaining({ code: "unreachable_node", nodeId: "island" }));
      expect(errors).toContainEqual(expect.objectContaining({ code: "unreachable_node", nodeId: "after" }));
    });
  });

  describe("condition branches", () => {
    it("asks for each unconnected path to be connected or left open on purpose", () => {
      const graph = valid();
      graph.nodes[1] = { ...graph.nodes[1], openHandles: [] };
      expect(publish(graph)).toEqual([
        expect.objectContaining({
          code: "branch_not_connected",
          nodeId: "c",
          handle: "false",
          message: "Connect this condition's ‘No’ path or leave it open on purpose.",
        }),
      ]);
      graph.edges = [edge("t", "c")];
      expect(
        publish(graph)
          .filter((e) => e.code === "branch_not_connected")
          .map((e) => e.handle),
      ).toEqual(["true", "false"]);
    });

    it("accepts both paths left open", () => {
      const graph = graphOf(
        [trigger("t"), node("c", "condition.caller_frequency", undefined, { openHandles: ["true", "false"] })],
        [edge("t", "c")],
      );
      expect(publish(graph)).toEqual([]);
    });
  });

  describe("configs", () => {
    it("reports settings that fail their schema, with the field and a readable message", () => {
      const graph = valid();
      graph.nodes[2] = node("sms", "action.send_sms", { body: "" });
      expect(publish(graph)).toEqual([
        { nodeId: "sms", field: "body", code: "invalid_config", message: "Write the text message", severity: "error" },
      ]);
    });

    it("explains missing and wrong values without jargon", () => {
      const graph = valid();
      const setConfig = (config: unknown) => ((graph.nodes[1] as { config: unknown }).config = config);
      setConfig({ operator: "huge" });
      const messages = publish(graph).filter((e) => e.code === "invalid_config");
      expect(messages).toContainEqual(expect.objectContaining({ field: "operator", message: "Pick one of the options" }));
      expect(messages).toContainEqual(expect.objectContaining({ field: "seconds", message: "Enter a number of seconds" }));
      setConfig(null);
      expect(publish(graph)).toContainEqual(
        expect.objectContaining({ code: "invalid_config", message: "This doesn't have the right kind of value" }),
      );
      setConfig({ operator: "gt", seconds: 10, unit: 7 });
      expect(publish(graph)).toContainEqual(expect.objectContaining({ field: "unit", message: "Pick one of the options" }));
    });

    it("uses friendly fallbacks for limits and formats", () => {
      const graph = valid();
      graph.nodes[1] = {
        ...node("c", "condition.tags", { match: "any", tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }),
        openHandles: ["false"],
      };
      expect(publish(graph)).toContainEqual(expect.objectContaining({ field: "tags", message: "Use at most 50" }));
      graph.nodes[1] = { ...node("c", "condition.caller_state", { operator: "any_of", states: [""] }), openHandles: ["false"] };
      expect(publish(graph)).toContainEqual(expect.objectContaining({ field: "states.0", message: "Use at least 1" }));
      graph.nodes[1] = { ...node("c", "condition.caller_frequency", { mode: "sometimes" } as never), openHandles: ["false"] };
      expect(publish(graph)).toContainEqual(expect.objectContaining({ code: "invalid_config", message: "Pick one of the options" }));
      graph.nodes[1] = { ...node("c", "condition.caller_state", { operator: "any_of", states: [] }), openHandles: ["false"] };
      expect(publish(graph)).toContainEqual(expect.objectContaining({ field: "states", message: "Pick at least one state" }));
      graph.nodes[2] = node("sms", "action.send_email", { to: "addresses", addresses: ["nope"] });
      expect(publish(graph)).toContainEqual(
        expect.objectContaining({ field: "addresses.0", message: "“nope” isn't a valid email address" }),
      );
    });

    it("reports a trigger without a valid event type, and then skips trigger-specific checks", () => {
      const graph = valid();
      graph.nodes[0] = { ...graph.nodes[0], config: { eventType: "call.exploded" } } as never;
      graph.nodes[2] = node("sms", "action.send_sms", { body: "Hi {{ nobody }}" });
      const errors = publish(graph);
      expect(errors).toContainEqual(
        expect.objectContaining({ code: "invalid_config", nodeId: "t", field: "eventType", message: "Choose what starts this workflow" }),
      );
      expect(codes(errors)).not.toContain("template_unknown_variable");
    });

    it("refuses steps that cannot work with the trigger's event", () => {
      const graph = valid();
      graph.nodes[0] = trigger("t", "form.submitted");
      const errors = publish(graph);
      expect(errors).toContainEqual({
        nodeId: "c",
        code: "node_does_not_fit_trigger",
        message: "“Call duration” doesn't work when a form is submitted. Remove this step or change the trigger.",
        severity: "error",
      });
      expect(errors.filter((e) => e.nodeId === "sms")).toEqual([]);
    });

    it("checks template variables against the trigger's event", () => {
      const graph = valid();
      graph.nodes[2] = node("sms", "action.send_sms", { body: "Hi {{ caller.nmae }}, re: {{ message.body }}" });
      const errors = publish(graph);
      expect(errors).toContainEqual(
        expect.objectContaining({
          code: "template_unknown_variable",
          nodeId: "sms",
          field: "body",
          message: 'Message: There is no "caller.nmae" for this trigger. Did you mean "caller.name"?',
        }),
      );
      expect(errors.filter((e) => e.code === "template_unknown_variable")).toHaveLength(2);
      graph.nodes[0] = trigger("t", "sms.received");
      graph.nodes[1] = { ...node("c", "condition.message_text", { keywords: ["hi"] }), openHandles: ["false"] };
      expect(publish(graph).filter((e) => e.code === "template_unknown_variable")).toHaveLength(1);
    });

    it("reports template syntax errors and unknown filters", () => {
      const graph = valid();
      graph.nodes[2] = node("sms", "action.send_email", { subject: "Call from {{ caller.name", body: "{{ caller.name | shout }}" });
      const errors = publish(graph);
      expect(errors).toContainEqual(expect.objectContaining({ code: "template_syntax", field: "subject" }));
      expect(errors).toContainEqual(expect.objectContaining({ code: "template_unknown_filter", field: "body" }));
    });

    it("enforces template length limits with their own message", () => {
      const graph = valid();
      graph.nodes[2] = node("sms", "action.send_sms", { body: "a".repeat(1_601) });
      expect(publish(graph)).toEqual([
        {
          nodeId: "sms",
          field: "body",
          code: "template_too_long",
          message: "Message is too long: 1,601 characters, the limit is 1,600.",
          severity: "error",
        },
      ]);
      graph.nodes[2] = node("sms", "action.send_sms", { body: "a".repeat(1_600) });
      expect(publish(graph)).toEqual([]);
      graph.nodes[2] = node("sms", "action.send_email", { subject: "s".repeat(201), body: "b".repeat(10_001) });
      expect(codes(publish(graph))).toEqual(["template_too_long", "template_too_long"]);
    });
  });

  describe("limits", () => {
    it("allows at most 200 steps", () => {
      const chain = (count: number) => {
        const nodes = [trigger("t"), ...Array.from({ length: count - 1 }, (_, i) => node(`d${i}`, "action.delay"))];
        return graphOf(
          nodes,
          nodes.slice(1).map((n, i) => edge(nodes[i].id, n.id)),
        );
      };
      expect(publish(chain(200))).toEqual([]);
      expect(codes(publish(chain(201)))).toEqual(["too_many_nodes"]);
    });

    it("allows at most 10 webhook steps", () => {
      const webhooks = (count: number) =>
        graphOf(
          [
            trigger("t"),
            ...Array.from({ length: count }, (_, i) => node(`w${i}`, "action.webhook", { urls: [`https://example.com/${i}`] })),
          ],
          Array.from({ length: count }, (_, i) => edge("t", `w${i}`)),
        );
      expect(publish(webhooks(10))).toEqual([]);
      expect(publish(webhooks(11))).toEqual([expect.objectContaining({ code: "too_many_webhooks", nodeId: "w10" })]);
    });
  });

  describe("draft mode", () => {
    it("turns loose ends into warnings but keeps real errors", () => {
      const graph = valid();
      graph.nodes[1] = { ...graph.nodes[1], openHandles: [] };
      graph.nodes.push(node("orphan", "action.delay"), node("bad", "action.send_sms", { body: "" }));
      graph.edges.push(edge("t", "bad"));
      const errors = validateGraph(graph, { mode: "draft" });
      expect(errors.find((e) => e.code === "branch_not_connected")?.severity).toBe("warning");
      expect(errors.find((e) => e.code === "action_without_upstream")?.severity).toBe("warning");
      expect(errors.find((e) => e.code === "invalid_config")?.severity).toBe("error");
      expect(validateGraph(graphOf([trigger("t")], []), { mode: "draft" })).toEqual([
        expect.objectContaining({ code: "trigger_not_connected", severity: "warning" }),
      ]);
      expect(isPublishable(graph)).toBe(false);
    });
  });

  it("filters errors by node", () => {
    const errors = publish(graphOf([trigger("t"), node("x", "action.delay")], []));
    expect(errorsForNode(errors, "x").map((e) => e.code)).toEqual(["action_without_upstream"]);
  });
});
