import { describe, expect, it } from "vitest";
import { validateGraph } from "../validation/validate-graph";
import { workflowGraphSchema } from "../graph/graph-schema";
import { findWorkflowTemplate, workflowTemplates } from "./workflow-templates";

describe("workflow templates", () => {
  it.each(workflowTemplates.map((template) => [template.id, template] as const))("%s is a publishable graph", (_id, template) => {
    expect(workflowGraphSchema.safeParse(template.graph).success).toBe(true);
    expect(validateGraph(template.graph, { mode: "publish" })).toEqual([]);
    const trigger = template.graph.nodes.find((node) => node.kind === "trigger");
    expect((trigger?.config as { eventType: string }).eventType).toBe(template.eventType);
  });

  it("finds templates by id", () => {
    expect(findWorkflowTemplate("missed-call-text-back")?.name).toContain("Missed call");
    expect(findWorkflowTemplate("nope")).toBeUndefined();
  });
});
