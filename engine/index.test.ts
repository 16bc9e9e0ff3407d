import { describe, expect, it } from "vitest";
import * as engine from "./index";

describe("engine public API", () => {
  it("exposes the pieces the editor and the executor use", () => {
    for (const name of [
      "workflowEventSchema",
      "sampleEvent",
      "eventSatisfiesTrigger",
      "triggerTypesSatisfiedBy",
      "workflowGraphSchema",
      "draftGraphSchema",
      "emptyGraph",
      "toReactFlow",
      "fromReactFlow",
      "nodeCatalogue",
      "getNodeDefinition",
      "validateGraph",
      "isPublishable",
      "canConnect",
      "renderTemplate",
      "checkTemplate",
      "templateVariables",
      "smsInfo",
      "isWithinSchedule",
      "walkWorkflow",
    ]) {
      expect(engine).toHaveProperty(name);
    }
  });

  it("works end to end: a new workflow, drawn, validated and run on a sample", async () => {
    const graph = engine.emptyGraph("call.missed");
    const sms = engine.createNode("action.send_sms", { x: 0, y: 120 });
    graph.nodes.push(sms);
    expect(engine.canConnect(graph, { source: graph.nodes[0].id, target: sms.id })).toEqual({ ok: true });
    graph.edges.push({ id: engine.newEdgeId(), source: graph.nodes[0].id, sourceHandle: "out", target: sms.id });
    const { nodes, edges } = engine.toReactFlow(graph);
    const saved = engine.fromReactFlow(nodes, edges);
    expect(engine.isPublishable(saved)).toBe(true);

    const published = engine.workflowGraphSchema.parse(saved);
    const sent: unknown[] = [];
    const result = await engine.walkWorkflow(published, engine.sampleEvent("call.missed"), {
      step: { run: (_id, fn) => fn(), sleep: async () => {} },
      actions: { execute: async (_kind, input) => sent.push(input) },
      callsFromNumberSince: async () => 0,
      org: { id: "org", name: "Acme Dental", timezone: "America/Chicago" },
    });
    expect(result.status).toBe("succeeded");
    expect(sent).toEqual([
      expect.objectContaining({
        to: "+14155550123",
        body: "Hi Jane Doe, sorry we missed your call! We'll call you right back. - Acme Dental",
      }),
    ]);
  });
});
