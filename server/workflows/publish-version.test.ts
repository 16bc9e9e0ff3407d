import { describe, expect, it } from "vitest";
import { edge, graphOf, node, trigger } from "@/engine/test-support/graph-builder";
import { setupTestDatabase } from "@/test-support/test-database";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { createWorkflow } from "./create-workflow";
import { publishVersion, UnpublishableGraphError } from "./publish-version";

const handle = setupTestDatabase();
const config = testConfig();

const privateTargets = [
  "http://127.0.0.1/hook",
  "http://localhost/hook",
  "http://[::1]/hook",
  "http://[::ffff:127.0.0.1]/hook",
  "http://10.0.0.1/hook",
  "http://169.254.169.254/latest/meta-data",
  "http://2130706433/",
];

describe("publishing", () => {
  it.each(privateTargets)("refuses a webhook to %s while private targets are not allowed", async (url) => {
    const { organization, user } = await createUserWithOrg(handle.db, config);
    const graph = graphOf([trigger("t"), node("hook", "action.webhook", { urls: [url], headers: [] })], [edge("t", "hook")]);
    const workflow = await createWorkflow(handle.db, { organizationId: organization.id, name: "W", graph, createdByUserId: user.id });
    const error = await publishVersion(handle.db, {
      organizationId: organization.id,
      workflowId: workflow.id,
      graph,
      publishedByUserId: user.id,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnpublishableGraphError);
    expect((error as UnpublishableGraphError).errors[0]).toMatchObject({ nodeId: "hook", code: "webhook_url_refused" });
    expect((error as UnpublishableGraphError).errors[0]!.message).toContain("private");
  });

  it("numbers versions and refuses an invalid graph with the engine's errors", async () => {
    const { organization, user } = await createUserWithOrg(handle.db, config);
    const graph = graphOf([trigger("t"), node("tag", "action.tag_call", { tags: ["a"] })], [edge("t", "tag")]);
    const workflow = await createWorkflow(handle.db, { organizationId: organization.id, name: "W", graph, createdByUserId: user.id });
    const first = await publishVersion(handle.db, {
      organizationId: organization.id,
      workflowId: workflow.id,
      graph,
      publishedByUserId: user.id,
    });
    const second = await publishVersion(handle.db, {
      organizationId: organization.id,
      workflowId: workflow.id,
      graph,
      publishedByUserId: user.id,
    });
    expect([first.number, second.number]).toEqual([1, 2]);

    const broken = graphOf([trigger("t"), node("tag", "action.tag_call", { tags: ["a"] })], []);
    await expect(
      publishVersion(handle.db, { organizationId: organization.id, workflowId: workflow.id, graph: broken, publishedByUserId: user.id }),
    ).rejects.toBeInstanceOf(UnpublishableGraphError);
  });
});
