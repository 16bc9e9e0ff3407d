import { describe, expect, it } from "vitest";
import { asPublishBlockers, validateGraphWith, checkTemplate } from "@/engine";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { trpcErrorOf } from "@/test-support/rejections";

const handle = setupTestDatabase();
const config = testConfig();

async function draftWith(nodes: Array<{ id: string; kind: string; config: unknown }>, connect: boolean) {
  const { user, organization } = await createUserWithOrg(handle.db, config, "Editor");
  const caller = callerFor(handle.db, config, user, organization.id);
  const { id } = await caller.workflow.createBlank({ name: "Check", eventType: "call.missed" });
  const draft = (await caller.workflow.get({ workflowId: id })).draftGraph;
  const trigger = draft.nodes[0]!;
  const graph = {
    ...draft,
    nodes: [...draft.nodes, ...nodes.map((node, index) => ({ ...node, position: { x: 0, y: 150 * (index + 1) } }))],
    edges: connect ? nodes.map((node) => ({ id: `e-${node.id}`, source: trigger.id, sourceHandle: "out" as const, target: node.id })) : [],
  };
  await caller.workflow.saveDraft({ workflowId: id, graph, expectedRevision: 1 });
  // What the editor's Problems tab and Publish dialog list for this graph.
  const editorList = asPublishBlockers(validateGraphWith(graph, { mode: "draft", checkTemplate }));
  return { caller, id, editorList };
}

describe("what blocks publishing, asked of the server", () => {
  it("is the editor's own list, unfinished paths included, and publishing refuses with its words", async () => {
    const { caller, id, editorList } = await draftWith([{ id: "sms", kind: "action.send_sms", config: { body: "Hi" } }], false);
    const { problems } = await caller.workflow.publishCheck({ workflowId: id });
    expect(problems).toEqual(editorList);
    expect(problems.map((problem) => problem.code)).toEqual(["trigger_not_connected", "action_without_upstream"]);
    const refused = await trpcErrorOf(() => caller.workflow.publish({ workflowId: id }));
    expect(refused?.message).toContain("2 problems to fix");
  });

  it("lets an email to “Everyone” publish with a bad address left over from “These addresses…”", async () => {
    const email = { to: "all_members", addresses: ["sales@exa"], subject: "New call", body: "", includeSummary: true };
    const { caller, id, editorList } = await draftWith([{ id: "mail", kind: "action.send_email", config: email }], true);
    expect(editorList).toEqual([]);
    expect((await caller.workflow.publishCheck({ workflowId: id })).problems).toEqual([]);
    expect((await caller.workflow.publish({ workflowId: id })).number).toBe(1);
  });

  it("names a webhook address it refuses, on the step and the line it is on", async () => {
    const hook = { urls: ["https://hooks.example.com/a", "http://127.0.0.1/hook"], headers: [] };
    const { caller, id, editorList } = await draftWith([{ id: "hook", kind: "action.webhook", config: hook }], true);
    expect(editorList).toEqual([]);
    const { problems } = await caller.workflow.publishCheck({ workflowId: id });
    // (The first address may be refused too where this test has no DNS.)
    expect(problems).toContainEqual(
      expect.objectContaining({
        nodeId: "hook",
        field: "urls.1",
        code: "webhook_url_refused",
        message: expect.stringMatching(/^http:\/\/127\.0\.0\.1\/hook: /),
      }),
    );
  });
});
