import { describe, expect, it } from "vitest";
import { memberships } from "@/db/schema";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { trpcErrorOf } from "@/test-support/rejections";

const handle = setupTestDatabase();
const config = testConfig();

async function editorSession() {
  const { user, organization } = await createUserWithOrg(handle.db, config, "Editor");
  return { user, organization, caller: callerFor(handle.db, config, user, organization.id) };
}

describe("workflow drafts, versions and templates", () => {
  it("saves drafts with a revision check so two tabs cannot silently overwrite each other", async () => {
    const { caller } = await editorSession();
    const { id } = await caller.workflow.createFromTemplate({ templateId: "missed-call-text-back" });
    const loaded = await caller.workflow.get({ workflowId: id });
    expect(loaded.draftRevision).toBe(1);
    const tabA = await caller.workflow.saveDraft({
      workflowId: id,
      graph: loaded.draftGraph,
      expectedRevision: 1,
      viewport: { x: 1, y: 2, zoom: 1 },
    });
    expect(tabA.revision).toBe(2);
    const tabB = await trpcErrorOf(() => caller.workflow.saveDraft({ workflowId: id, graph: loaded.draftGraph, expectedRevision: 1 }));
    expect(tabB?.code).toBe("CONFLICT");
    expect(tabB?.message).toContain("Someone else saved this workflow");
    expect((await caller.workflow.get({ workflowId: id })).viewport).toEqual({ x: 1, y: 2, zoom: 1 });
  });

  it("saves an invalid draft but refuses to publish it, with the engine's words", async () => {
    const { caller } = await editorSession();
    const { id } = await caller.workflow.createBlank({ name: "Blank", eventType: "call.missed" });
    const draft = (await caller.workflow.get({ workflowId: id })).draftGraph;
    const orphan = { id: "sms", kind: "action.send_sms", position: { x: 0, y: 200 }, config: { body: "Hi" } };
    await caller.workflow.saveDraft({ workflowId: id, graph: { ...draft, nodes: [...draft.nodes, orphan] }, expectedRevision: 1 });
    const refused = await trpcErrorOf(() => caller.workflow.publish({ workflowId: id }));
    expect(refused?.code).toBe("BAD_REQUEST");
    expect(refused?.message).toMatch(/problem/);
  });

  it("publishes versions, lists them and restores an older one as the draft", async () => {
    const { caller } = await editorSession();
    const { id } = await caller.workflow.createFromTemplate({ templateId: "missed-call-text-back", name: "Versions" });
    await caller.workflow.publish({ workflowId: id, note: "first" });
    const loaded = await caller.workflow.get({ workflowId: id });
    const changed = structuredClone(loaded.draftGraph);
    (changed.nodes[1]!.config as { body: string }).body = "Changed text";
    const saved = await caller.workflow.saveDraft({ workflowId: id, graph: changed, expectedRevision: loaded.draftRevision });
    await caller.workflow.publish({ workflowId: id, note: "second" });
    const versions = await caller.workflow.versions({ workflowId: id });
    expect(versions.map((version) => [version.number, version.note, version.isCurrent])).toEqual([
      [2, "second", true],
      [1, "first", false],
    ]);
    const restored = await caller.workflow.restoreVersion({ workflowId: id, versionId: versions[1]!.id, expectedRevision: saved.revision });
    const after = await caller.workflow.get({ workflowId: id });
    expect(after.draftRevision).toBe(restored.revision);
    expect((after.draftGraph.nodes[1]!.config as { body: string }).body).toContain("sorry we missed your call");
    expect(after.hasUnpublishedChanges).toBe(true);
  });

  it("renames and duplicates; viewers read but cannot change; other organizations get not-found", async () => {
    const { caller, organization } = await editorSession();
    const { id } = await caller.workflow.createFromTemplate({ templateId: "sms-keyword-email" });
    await caller.workflow.rename({ workflowId: id, name: "Quotes" });
    const copy = await caller.workflow.duplicate({ workflowId: id });
    expect((await caller.workflow.get({ workflowId: copy.id })).name).toBe("Quotes (copy)");

    const viewer = await createUserWithOrg(handle.db, config, "Viewer");
    await handle.db.insert(memberships).values({ organizationId: organization.id, userId: viewer.user.id, role: "viewer" });
    const asViewer = callerFor(handle.db, config, viewer.user, organization.id);
    expect((await asViewer.workflow.get({ workflowId: id })).name).toBe("Quotes");
    const graph = (await asViewer.workflow.get({ workflowId: id })).draftGraph;
    for (const attempt of [
      () => asViewer.workflow.saveDraft({ workflowId: id, graph, expectedRevision: 1 }),
      () => asViewer.workflow.rename({ workflowId: id, name: "x" }),
      () => asViewer.workflow.duplicate({ workflowId: id }),
      () => asViewer.workflow.publish({ workflowId: id }),
      () => asViewer.workflow.createBlank({ name: "x", eventType: "call.missed" }),
    ]) {
      expect((await trpcErrorOf(attempt))?.code).toBe("FORBIDDEN");
    }

    const stranger = await editorSession();
    for (const attempt of [
      () => stranger.caller.workflow.get({ workflowId: id }),
      () => stranger.caller.workflow.saveDraft({ workflowId: id, graph, expectedRevision: 1 }),
      () => stranger.caller.workflow.versions({ workflowId: id }),
      () => stranger.caller.workflow.rename({ workflowId: id, name: "x" }),
      () => stranger.caller.workflow.duplicate({ workflowId: id }),
    ]) {
      expect((await trpcErrorOf(attempt))?.code).toBe("NOT_FOUND");
    }
  });
});
