import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { memberships } from "@/db/schema";
import { findWorkflowTemplate } from "@/engine";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { trpcCodeOf } from "@/test-support/rejections";

const handle = setupTestDatabase();
const config = testConfig();

const template = findWorkflowTemplate("missed-call-text-back")!;

describe("workflow, run, event and API-key procedures", () => {
  it("let viewers read but not write, and keep keys and secrets to admins", async () => {
    const owner = await createUserWithOrg(handle.db, config, "Owner");
    const viewer = await createUserWithOrg(handle.db, config, "Viewer");
    const editor = await createUserWithOrg(handle.db, config, "Editor");
    await handle.db.insert(memberships).values([
      { organizationId: owner.organization.id, userId: viewer.user.id, role: "viewer" },
      { organizationId: owner.organization.id, userId: editor.user.id, role: "editor" },
    ]);
    const asOwner = callerFor(handle.db, config, owner.user, owner.organization.id);
    const asViewer = callerFor(handle.db, config, viewer.user, owner.organization.id);
    const asEditor = callerFor(handle.db, config, editor.user, owner.organization.id);

    const { id } = await asOwner.workflow.importJson({ name: "Text back", graph: template.graph, publish: true });
    expect((await asViewer.workflow.list()).map((workflow) => workflow.name)).toEqual(["Text back"]);
    expect(await trpcCodeOf(() => asViewer.workflow.setEnabled({ workflowId: id, enabled: true }))).toBe("FORBIDDEN");
    expect(await trpcCodeOf(() => asViewer.workflow.importJson({ name: "x", graph: template.graph, publish: false }))).toBe("FORBIDDEN");
    expect(await trpcCodeOf(() => asViewer.event.simulate({ type: "call.missed" }))).toBe("FORBIDDEN");
    expect(await trpcCodeOf(() => asEditor.apiKey.list())).toBe("FORBIDDEN");
    expect(await trpcCodeOf(() => asEditor.webhookSecret.get())).toBe("FORBIDDEN");
    await asEditor.workflow.setEnabled({ workflowId: id, enabled: true });
    expect((await asOwner.webhookSecret.get()).secret).toMatch(/^whsec_/);
  });

  it("answers not-found for another organization's workflows and runs", async () => {
    const a = await createUserWithOrg(handle.db, config, "A");
    const b = await createUserWithOrg(handle.db, config, "B");
    const asA = callerFor(handle.db, config, a.user, a.organization.id);
    const dispatched: string[] = [];
    const asB = callerFor(handle.db, config, b.user, b.organization.id, {
      dispatchEvent: async (eventId) => void dispatched.push(eventId),
    });
    const { id } = await asB.workflow.importJson({ name: "B's", graph: template.graph, publish: true });
    await asB.workflow.setEnabled({ workflowId: id, enabled: true });
    const { eventId } = await asB.event.simulate({ type: "call.missed", callerNumber: "+14155550100" });
    expect(dispatched).toEqual([eventId]);
    const { fanOutEvent } = await import("@/server/execution/fan-out-event");
    const [runId] = await fanOutEvent(handle.db, eventId);

    expect(await trpcCodeOf(() => asA.workflow.setEnabled({ workflowId: id, enabled: false }))).toBe("NOT_FOUND");
    expect(await trpcCodeOf(() => asA.workflow.delete({ workflowId: id }))).toBe("NOT_FOUND");
    expect(await trpcCodeOf(() => asA.workflow.publish({ workflowId: id }))).toBe("NOT_FOUND");
    expect(await trpcCodeOf(() => asA.run.get({ runId: runId! }))).toBe("NOT_FOUND");
    expect((await asA.run.list({ limit: 25 })).runs).toEqual([]);
    expect(await asA.workflow.list()).toEqual([]);
    expect((await asB.run.get({ runId: runId! })).run.id).toBe(runId);
  });

  it("refuses to turn on a workflow that was never published", async () => {
    const { user, organization } = await createUserWithOrg(handle.db, config, "Draft");
    const caller = callerFor(handle.db, config, user, organization.id);
    const { id } = await caller.workflow.importJson({ name: "Draft", graph: template.graph, publish: false });
    const error = await caller.workflow.setEnabled({ workflowId: id, enabled: true }).catch((caught: unknown) => caught as TRPCError);
    expect((error as TRPCError).message).toContain("Publish this workflow");
  });
});
