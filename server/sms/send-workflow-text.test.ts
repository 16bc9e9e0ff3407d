import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outboxMessages, smsTextsInFlight } from "@/db/schema";
import { node } from "@/engine/test-support/graph-builder";
import { createLiveActionExecutors } from "@/server/execution/action-executors";
import { createExecutionProviders } from "@/server/execution/create-providers";
import { PermanentStepError } from "@/server/execution/permanent-error";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createSmsSenderWith } from "./sms-sender";

const handle = setupTestDatabase();
const config = testConfig({ smsDailyLimit: 3 });
const smsStep = node("sms", "action.send_sms", { body: "Sorry we missed you" });
const input = (to: string) => ({ to, from: "+14155550100", body: "Sorry we missed you", encoding: "GSM-7" as const, segments: 1 });

/** The send_sms step of fresh runs in one organization, with the real outbox sender counting what reaches the provider. */
async function textingOrganization() {
  const { organization } = await createUserWithOrg(handle.db, config, "Capped");
  const delivered: string[] = [];
  const sendSms = createSmsSenderWith(
    {
      provider: "outbox",
      async deliver(message) {
        delivered.push(message.idempotencyKey);
        await new Promise((resolve) => setTimeout(resolve, 5)); // a provider takes a moment: parallel sends overlap
        return { status: "simulated" };
      },
    },
    handle.db,
  );
  const providers = { ...createExecutionProviders(config, handle.db), sendSms };
  /** One run's SMS step; calling it again is the step running again with nothing memoised. */
  const smsStepOfRun = (run: string) => {
    const executors = createLiveActionExecutors(
      handle.db,
      providers,
      { runId: `${organization.id}-${run}`, organizationId: organization.id, workflowCreatorUserId: null, webhookSecretEncrypted: null },
      config.encryptionKey,
    );
    return (to: string) => executors.execute("action.send_sms", input(to), smsStep);
  };
  const textsTo = (to: string) =>
    handle.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.organizationId, organization.id), eq(outboxMessages.to, to)));
  const keyOf = (run: string) => `${organization.id}-${run}:sms`;
  return { delivered, smsStepOfRun, textsTo, keyOf };
}

describe("a workflow text under the daily cap", () => {
  it("sent as the day's last allowed text, then run again because its result was lost: succeeds without sending again", async () => {
    const { delivered, smsStepOfRun, textsTo, keyOf } = await textingOrganization();
    const to = "+14155550181";
    await smsStepOfRun("first")(to);
    await smsStepOfRun("second")(to);

    const third = smsStepOfRun("third");
    const sent = await third(to);
    const sentAgain = await third(to);

    expect(sentAgain).toEqual(sent);
    expect(delivered).toEqual([keyOf("first"), keyOf("second"), keyOf("third")]);
    expect(await textsTo(to)).toHaveLength(3);
    // The cap still holds for another run.
    await expect(smsStepOfRun("fourth")(to)).rejects.toMatchObject({ code: "sms_daily_cap" });
  });

  it("sent by many runs at once to one number: exactly the limit goes out, the rest are refused by the cap", async () => {
    const { delivered, smsStepOfRun, textsTo } = await textingOrganization();
    const to = "+14155550182";

    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, run) => smsStepOfRun(`parallel-${run}`)(to)));

    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(3);
    const refusals = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    expect(refusals).toHaveLength(5);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(PermanentStepError);
      expect(refusal).toMatchObject({ code: "sms_daily_cap" });
    }
    expect(delivered).toHaveLength(3);
    expect(await textsTo(to)).toHaveLength(3);
    expect(await handle.db.select().from(smsTextsInFlight)).toEqual([]);
  });
});
