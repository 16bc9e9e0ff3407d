import { describe, expect, it } from "vitest";
import { defaultSmsBody } from "../catalogue/actions/default-texts";
import { eventTypes } from "../events/event-types";
import { smsInfo } from "../templates/sms-segments";
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

  it("writes texts in plain characters, so a short text is one message, not two (an en dash would make it UCS-2)", () => {
    const templateTexts = workflowTemplates.flatMap((template) =>
      template.graph.nodes.filter((node) => node.kind === "action.send_sms").map((node) => (node.config as { body: string }).body),
    );
    const defaultTexts = eventTypes.map((type) => defaultSmsBody(type));
    for (const text of [...templateTexts, ...defaultTexts]) expect(smsInfo(text).encoding, text).toBe("GSM-7");
  });

  it("finds templates by id", () => {
    expect(findWorkflowTemplate("missed-call-text-back")?.name).toContain("Missed call");
    expect(findWorkflowTemplate("nope")).toBeUndefined();
  });
});
