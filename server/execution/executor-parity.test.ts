import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alwaysFalse, edge, graphOf, no, node, trigger, yes } from "@/engine/test-support/graph-builder";
import { completedCall, missedCall } from "@/test-support/call-events";
import {
  runOnEmbedded,
  runOnInngest,
  startScriptedReceiver,
  type ComparableRun,
  type ParityCase,
  type ParityEnvironment,
  type Recording,
} from "@/test-support/executor-parity";
import { setupTestDatabase } from "@/test-support/test-database";
import { testConfig } from "@/test-support/test-context";

const handle = setupTestDatabase();
let receiver: Awaited<ReturnType<typeof startScriptedReceiver>>;
const env: ParityEnvironment = {
  db: () => handle.db,
  config: testConfig({ allowPrivateWebhookTargets: true }),
  receiver: () => receiver,
};

beforeAll(async () => {
  receiver = await startScriptedReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

const longCall = { operator: "gt", seconds: 10 } as const;
const sms = (id: string, body = "Thanks for your {{ call.duration_seconds }}s call!") => node(id, "action.send_sms", { body });
const mail = (id: string, subject = "Call from {{ caller.phone_number }}") =>
  node(id, "action.send_email", { to: "me", subject, body: "Call back?" });
const hook = (id: string, url: string) => node(id, "action.webhook", { urls: [`${url}/crm`], headers: [] });
const tag = (id: string) => node(id, "action.tag_call", { tags: [id] });

/** What both executors must have done, besides doing it alike: the run's status and each step's. */
type Outcome = { status: string; steps: Record<string, string> };

const cases: (ParityCase & { outcome: Outcome })[] = [
  {
    name: "a condition's Yes branch (SMS), the No branch skipped",
    graph: () =>
      graphOf(
        [trigger("t", "call.completed"), node("long", "condition.call_duration", longCall), sms("sms"), mail("mail")],
        [edge("t", "long"), yes("long", "sms"), no("long", "mail")],
      ),
    event: completedCall(30, { caller: "+14155550101" }),
    outcome: { status: "succeeded", steps: { t: "succeeded", long: "succeeded", sms: "succeeded", mail: "skipped" } },
  },
  {
    name: "a condition's No branch (email), the Yes branch skipped",
    graph: () =>
      graphOf(
        [trigger("t", "call.completed"), node("long", "condition.call_duration", longCall), sms("sms"), mail("mail")],
        [edge("t", "long"), yes("long", "sms"), no("long", "mail")],
      ),
    event: completedCall(5, { caller: "+14155550102" }),
    outcome: { status: "succeeded", steps: { t: "succeeded", long: "succeeded", sms: "skipped", mail: "succeeded" } },
  },
  {
    name: "a join: a taken and a skipped path meet before the email",
    graph: () =>
      graphOf(
        [
          trigger("t", "call.completed"),
          node("long", "condition.call_duration", longCall),
          sms("sms"),
          tag("short"),
          tag("always"),
          mail("mail", "Joined"),
        ],
        [
          edge("t", "long"),
          edge("t", "always"),
          yes("long", "sms"),
          no("long", "short"),
          edge("sms", "mail"),
          edge("short", "mail"),
          edge("always", "mail"),
        ],
      ),
    event: completedCall(45, { caller: "+14155550103" }),
    outcome: {
      status: "succeeded",
      steps: { t: "succeeded", long: "succeeded", sms: "succeeded", short: "skipped", always: "succeeded", mail: "succeeded" },
    },
  },
  {
    name: "every action skipped: the run is skipped",
    graph: () =>
      graphOf(
        [
          trigger("t", "call.missed"),
          node("never", "condition.call_duration", alwaysFalse, { openHandles: ["false"] }),
          sms("sms"),
          mail("mail"),
        ],
        [edge("t", "never"), yes("never", "sms"), edge("sms", "mail")],
      ),
    event: missedCall({ caller: "+14155550104" }),
    outcome: { status: "skipped", steps: { t: "succeeded", never: "succeeded", sms: "skipped", mail: "skipped" } },
  },
  {
    name: "a one-hour delay, resumed after its wake time",
    graph: () =>
      graphOf(
        [
          trigger("t", "call.missed"),
          sms("sms", "Sorry we missed you"),
          node("wait", "action.delay", { amount: 1, unit: "hours" }),
          mail("mail", "Follow up"),
        ],
        [edge("t", "sms"), edge("sms", "wait"), edge("wait", "mail")],
      ),
    event: missedCall({ caller: "+14155550105" }),
    outcome: { status: "succeeded", steps: { t: "succeeded", sms: "succeeded", wait: "succeeded", mail: "succeeded" } },
  },
  {
    name: "a webhook that fails once (500), then succeeds",
    graph: (url) => graphOf([trigger("t", "call.missed"), hook("hook", url), tag("after")], [edge("t", "hook"), edge("hook", "after")]),
    event: missedCall({ caller: "+14155550106" }),
    webhookStatuses: [500],
    outcome: { status: "succeeded", steps: { t: "succeeded", hook: "succeeded", after: "succeeded" } },
  },
  {
    name: "a webhook asked to wait (429 with Retry-After), then succeeds",
    graph: (url) => graphOf([trigger("t", "call.missed"), hook("hook", url), tag("after")], [edge("t", "hook"), edge("hook", "after")]),
    event: missedCall({ caller: "+14155550112" }),
    webhookStatuses: [{ status: 429, headers: { "retry-after": "30" } }],
    outcome: { status: "succeeded", steps: { t: "succeeded", hook: "succeeded", after: "succeeded" } },
  },
  {
    name: "a webhook that fails on every attempt (503): retried, then the run fails",
    graph: (url) => graphOf([trigger("t", "call.missed"), hook("hook", url), tag("after")], [edge("t", "hook"), edge("hook", "after")]),
    event: missedCall({ caller: "+14155550107" }),
    webhookStatuses: [503, 503, 503, 503],
    outcome: { status: "failed", steps: { t: "succeeded", hook: "failed", after: "skipped" } },
  },
  {
    name: "a webhook the receiver refuses (410): failed at once, an independent branch still runs",
    graph: (url) =>
      graphOf(
        [trigger("t", "call.missed"), hook("hook", url), tag("after"), sms("sms", "We got your call")],
        [edge("t", "hook"), edge("hook", "after"), edge("t", "sms")],
      ),
    event: missedCall({ caller: "+14155550108" }),
    webhookStatuses: [410],
    outcome: { status: "failed", steps: { t: "succeeded", hook: "failed", after: "skipped", sms: "succeeded" } },
  },
  {
    name: "a text to an invalid number: failed at once, the run fails",
    graph: () =>
      graphOf([trigger("t", "call.missed"), sms("sms", "Sorry we missed you"), tag("after")], [edge("t", "sms"), edge("sms", "after")]),
    event: missedCall({ caller: "not-a-number" }),
    outcome: { status: "failed", steps: { t: "succeeded", sms: "failed", after: "skipped" } },
  },
  {
    name: "a text and an email to the outbox",
    graph: () =>
      graphOf(
        [trigger("t", "call.completed"), sms("sms"), mail("mail", "Call from {{ caller.phone_number }} ({{ call.duration_seconds }}s)")],
        [edge("t", "sms"), edge("sms", "mail")],
      ),
    event: completedCall(12, { caller: "+14155550110", name: "Ada Lovelace" }),
    outcome: { status: "succeeded", steps: { t: "succeeded", sms: "succeeded", mail: "succeeded" } },
  },
  {
    name: "a replay of a run with a text, a webhook and an email",
    graph: (url) =>
      graphOf(
        [trigger("t", "call.missed"), sms("sms", "Sorry we missed you"), hook("hook", url), mail("mail", "Missed call")],
        [edge("t", "sms"), edge("sms", "hook"), edge("hook", "mail")],
      ),
    event: missedCall({ caller: "+14155550111" }),
    replay: true,
    outcome: { status: "succeeded", steps: { t: "succeeded", sms: "succeeded", hook: "succeeded", mail: "succeeded" } },
  },
];

function expectOutcome(recording: Recording, outcome: Outcome) {
  expect(recording.run.status).toBe(outcome.status);
  expect(Object.fromEntries(recording.run.steps.map((step) => [step.nodeId, step.status]))).toEqual(outcome.steps);
}

type RunPair = { inngest: ComparableRun; embedded: ComparableRun };

/** The run, the parked run and the replay, Inngest's beside the embedded executor's. */
function runPairs(inngest: Recording, embedded: Recording): RunPair[] {
  return (["run", "parked", "replay"] as const).flatMap((key) => {
    const pair = { inngest: inngest[key], embedded: embedded[key] };
    return pair.inngest && pair.embedded ? [pair as RunPair] : [];
  });
}

function stepPairs({ inngest, embedded }: RunPair) {
  return embedded.steps.map((step) => ({ embedded: step, inngest: inngest.steps.find((other) => other.nodeId === step.nodeId) }));
}

/**
 * Where the executors differ today. Each entry rewrites Inngest's recording to the embedded
 * executor's only where it shows exactly that difference, and counts how often it did; everything
 * else is compared as recorded. An entry no case shows any more fails the last test: delete it.
 */
const knownDifferences: { name: string; reconcile: (pair: RunPair) => number }[] = [
  {
    // Inngest's own backoff between retries is decided by the Inngest server: the SDK (inngest 4.x) neither
    // exposes nor documents it, so inngest-attempt-log.ts records retryAt null unless the provider asked for a
    // wait (Retry-After, handed to Inngest as a RetryAfterError: see the 429 case, recorded alike).
    // run-journal.ts decides its own backoff and always knows.
    name: "a failed attempt that will be retried says when only on the embedded executor",
    reconcile: (pair) =>
      stepPairs(pair)
        .flatMap(({ embedded, inngest }) =>
          embedded.attempts.map((attempt, index) => ({
            embedded: attempt as { retryAt?: unknown },
            inngest: inngest?.attempts[index] as { retryAt?: unknown; willRetry?: unknown } | undefined,
          })),
        )
        .filter(({ embedded, inngest }) => {
          const applies = embedded.retryAt === "<retryAt>" && inngest?.willRetry === true && inngest.retryAt === null;
          if (applies) inngest!.retryAt = embedded.retryAt;
          return applies;
        }).length,
  },
];

const observed = new Map<string, number>();
let casesCompared = 0;

/** Inngest's recording with the known differences put right, each counted where it showed. */
function reconciled(inngest: Recording, embedded: Recording): Recording {
  const copy = structuredClone(inngest);
  for (const pair of runPairs(copy, embedded)) {
    for (const difference of knownDifferences) {
      observed.set(difference.name, (observed.get(difference.name) ?? 0) + difference.reconcile(pair));
    }
  }
  return copy;
}

describe("the embedded executor and the Inngest functions record the same runs", () => {
  it.each(cases)("$name", async (parityCase) => {
    const embedded = await runOnEmbedded(env, parityCase);
    const inngest = await runOnInngest(env, parityCase);
    expectOutcome(embedded, parityCase.outcome);
    expectOutcome(inngest, parityCase.outcome);
    for (const recording of [embedded, inngest]) {
      if (!parityCase.replay) continue;
      // A replay walks the same event on the same version: the same steps, each tried as often.
      expect(recording.replay).toMatchObject({ replay: true, status: recording.run.status });
      const shape = (run: ComparableRun | null) => run?.steps.map((step) => [step.nodeId, step.status, step.attempts.length]);
      expect(shape(recording.replay)).toEqual(shape(recording.run));
    }
    expect(reconciled(inngest, embedded)).toEqual(embedded);
    casesCompared += 1;
  });

  it("still shows every known difference (delete an entry from knownDifferences once it is fixed)", (context) => {
    if (casesCompared !== cases.length) context.skip(); // a filtered or failed run proves nothing either way
    expect(knownDifferences.filter((difference) => !observed.get(difference.name)).map((difference) => difference.name)).toEqual([]);
  });
});
