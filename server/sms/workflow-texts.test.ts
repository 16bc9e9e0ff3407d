import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, outboxMessages, runSteps, trackingNumbers, workflowRuns } from "@/db/schema";
import { workflowEventSchema, type WorkflowEvent } from "@/engine";
import { edge, graphOf, node, trigger } from "@/engine/test-support/graph-builder";
import { applySmsKeyword } from "./sms-opt-outs";
import { createEmbeddedExecutor } from "@/server/execution/embedded/embedded-executor";
import { createExecutionProviders } from "@/server/execution/create-providers";
import { recordEvent } from "@/server/events/record-events";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createLiveWorkflow } from "@/test-support/workflows";
import { optedOutMessage } from "./may-text-caller";
import { missedCall } from "@/test-support/call-events";

const handle = setupTestDatabase();
const config = testConfig();
const TRACKING = "+14155550100";

let keys = 0;
async function setup() {
  const { user, organization } = await createUserWithOrg(handle.db, config, "Texter");
  const deps = { db: handle.db, providers: createExecutionProviders(config, handle.db), encryptionKey: config.encryptionKey };
  const executor = createEmbeddedExecutor(deps, { wait: async () => {} });
  const textBack = graphOf(
    [trigger("t", "call.missed"), node("sms", "action.send_sms", { body: "Sorry we missed you, {{ caller.name }}!" })],
    [edge("t", "sms")],
  );
  const { workflow } = await createLiveWorkflow(handle.db, organization.id, textBack, "Text back", user.id);
  async function ingestAndRun(event: WorkflowEvent) {
    const { eventId } = await recordEvent(handle.db, { organization, source: "api", idempotencyKey: `k-${++keys}`, event });
    await executor.dispatchEvent(eventId);
    await executor.idle();
    const [run] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.eventId, eventId));
    const [step] = await handle.db
      .select()
      .from(runSteps)
      .where(and(eq(runSteps.runId, run!.id), eq(runSteps.nodeId, "sms")));
    return { run: run!, step: step! };
  }
  const texts = () =>
    handle.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.organizationId, organization.id), eq(outboxMessages.channel, "sms")));
  return { user, organization, executor, workflow, ingestAndRun, texts };
}

describe("texts sent by workflows", () => {
  it("never go to a caller who replied STOP: the step fails at once with a reason a marketer can read, until they reply START", async () => {
    const { organization, ingestAndRun, texts } = await setup();
    await applySmsKeyword(handle.db, { organizationId: organization.id, phoneNumber: "(650) 555-0142", body: "Stop" });

    const refused = await ingestAndRun(
      missedCall({ caller: "+16505550142", name: "Grace", trackingNumber: TRACKING, source: "Google Ads" }),
    );
    expect(refused.run.status).toBe("failed");
    expect(refused.run.error).toBe(optedOutMessage);
    expect(refused.step).toMatchObject({ status: "failed", attempt: 1, error: { message: optedOutMessage, code: "sms_opted_out" } });
    expect(await texts()).toEqual([]);

    // Someone else is still texted, and so is this caller once they opt back in.
    expect(
      (await ingestAndRun(missedCall({ caller: "+16505550143", name: "Grace", trackingNumber: TRACKING, source: "Google Ads" }))).run
        .status,
    ).toBe("succeeded");
    await applySmsKeyword(handle.db, { organizationId: organization.id, phoneNumber: "+16505550142", body: "START" });
    expect(
      (await ingestAndRun(missedCall({ caller: "+16505550142", name: "Grace", trackingNumber: TRACKING, source: "Google Ads" }))).run
        .status,
    ).toBe("succeeded");
    expect((await texts()).map((text) => text.to).sort()).toEqual(["+16505550142", "+16505550143"]);
  });

  it("record an sms.sent event once, which runs sms.sent workflows but never the workflow that texted", async () => {
    const { organization, user, executor, workflow, ingestAndRun } = await setup();
    await handle.db.insert(trackingNumbers).values({
      organizationId: organization.id,
      phoneNumber: `+1415555${String(1000 + keys).slice(-4)}`,
      label: "Unrelated",
      businessNumber: "+15105550111",
    });
    const notify = graphOf(
      [
        trigger("t", "sms.sent"),
        node("mail", "action.send_email", { to: "me", subject: "Texted {{ caller.phone_number }}", body: "{{ message.body }}" }),
      ],
      [edge("t", "mail")],
    );
    const { workflow: onSent } = await createLiveWorkflow(handle.db, organization.id, notify, "On sent", user.id);

    const { run } = await ingestAndRun(
      missedCall({ caller: "+16505550150", name: "Grace", trackingNumber: TRACKING, source: "Google Ads" }),
    );
    expect(run.status).toBe("succeeded");
    const sent = await handle.db
      .select()
      .from(events)
      .where(and(eq(events.organizationId, organization.id), eq(events.type, "sms.sent")));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ source: "workflow", idempotencyKey: `sms-sent:${run.id}:sms`, dispatchState: "pending" });
    expect(workflowEventSchema.parse(sent[0]!.payload)).toMatchObject({
      type: "sms.sent",
      organization: { id: organization.id },
      message: { body: "Sorry we missed you, Grace!", direction: "outbound" },
      caller: { phone_number: "+16505550150", name: "Grace" },
      tracking_number: { phone_number: TRACKING },
      attribution: { source: "Google Ads" },
    });

    // The sweep hands it to the executor like any pending event.
    await executor.sweep();
    await executor.idle();
    await executor.sweep();
    await executor.idle();
    const runs = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.organizationId, organization.id));
    expect(runs.filter((row) => row.workflowId === workflow.id)).toHaveLength(1);
    expect(runs.filter((row) => row.workflowId === onSent.id).map((row) => [row.status, row.eventId])).toEqual([
      ["succeeded", sent[0]!.id],
    ]);
    const mails = await handle.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.organizationId, organization.id), eq(outboxMessages.channel, "email")));
    expect(mails.map((mail) => mail.subject)).toEqual(["Texted +16505550150"]);
    expect(
      await handle.db
        .select()
        .from(events)
        .where(and(eq(events.organizationId, organization.id), eq(events.type, "sms.sent"))),
    ).toHaveLength(1);
  });
});
