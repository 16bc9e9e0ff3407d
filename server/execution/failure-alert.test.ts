import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outboxMessages, workflows } from "@/db/schema";
import { edge, graphOf, node, trigger } from "@/engine/test-support/graph-builder";
import { createEmailSender } from "@/server/email/email-sender";
import { setupTestDatabase } from "@/test-support/test-database";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { createLiveWorkflow } from "@/test-support/workflows";
import { createFailureAlerter } from "./failure-alert";

const handle = setupTestDatabase();
const config = testConfig();

describe("failure alerts", () => {
  it("email the owners at most once per workflow per hour, and not at all when turned off", async () => {
    const { user, organization } = await createUserWithOrg(handle.db, config, "Owner");
    const graph = graphOf([trigger("t"), node("tag", "action.tag_call", { tags: ["x"] })], [edge("t", "tag")]);
    const { workflow } = await createLiveWorkflow(handle.db, organization.id, graph, "Alerting", user.id);
    let now = new Date("2026-11-22T15:05:00Z");
    const alert = createFailureAlerter(handle.db, createEmailSender(config.email, handle.db), "http://app.test", () => now);
    const alerts = () =>
      handle.db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.organizationId, organization.id), eq(outboxMessages.category, "alert")));

    await alert({ runId: "run_1", workflowId: workflow.id, organizationId: organization.id, error: "Connection refused" });
    now = new Date("2026-11-22T15:45:00Z");
    await alert({ runId: "run_2", workflowId: workflow.id, organizationId: organization.id, error: "Connection refused" });
    expect(await alerts()).toHaveLength(1);
    const [first] = await alerts();
    expect(first).toMatchObject({ to: user.email, subject: "Workflow “Alerting” failed", actionUrl: "http://app.test/runs/run_1" });
    expect(first!.body).toContain("Connection refused");

    now = new Date("2026-11-22T16:01:00Z");
    await alert({ runId: "run_3", workflowId: workflow.id, organizationId: organization.id, error: null });
    expect(await alerts()).toHaveLength(2);

    await handle.db.update(workflows).set({ alertsEnabled: false }).where(eq(workflows.id, workflow.id));
    now = new Date("2026-11-22T18:00:00Z");
    await alert({ runId: "run_4", workflowId: workflow.id, organizationId: organization.id, error: null });
    expect(await alerts()).toHaveLength(2);
  });

  it("two runs failing at once send one alert, and neither alert throws", async () => {
    const { user, organization } = await createUserWithOrg(handle.db, config, "Racer");
    const graph = graphOf([trigger("t"), node("tag", "action.tag_call", { tags: ["x"] })], [edge("t", "tag")]);
    const { workflow } = await createLiveWorkflow(handle.db, organization.id, graph, "Racing", user.id);
    const alert = createFailureAlerter(
      handle.db,
      createEmailSender(config.email, handle.db),
      "http://app.test",
      () => new Date("2026-11-23T09:10:00Z"),
    );

    await Promise.all([
      alert({ runId: "run_a", workflowId: workflow.id, organizationId: organization.id, error: "Timeout" }),
      alert({ runId: "run_b", workflowId: workflow.id, organizationId: organization.id, error: "Timeout" }),
    ]);

    const alerts = await handle.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.organizationId, organization.id), eq(outboxMessages.category, "alert")));
    expect(alerts).toHaveLength(1);
  });
});
