import { describe, expect, it } from "vitest";
import { runSteps, type StepAttempt } from "@/db/schema";
import { edge, graphOf, no, node, trigger, yes } from "@/engine/test-support/graph-builder";
import { recordEvent } from "@/server/events/record-events";
import { fanOutEvent } from "@/server/execution/fan-out-event";
import { attemptFailed, attemptSucceeded, startAttempt } from "@/server/execution/step-attempts";
import { missedCall } from "@/test-support/call-events";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createLiveWorkflow } from "@/test-support/workflows";
import { inRunOrder } from "./get-run";

const handle = setupTestDatabase();
const config = testConfig();

const graph = graphOf(
  [
    node("hook", "action.webhook", { urls: ["http://127.0.0.1:9/crm"], headers: [] }),
    node("check", "condition.call_duration", { operator: "gte", seconds: 0 }),
    trigger("t", "call.missed"),
    node("tag", "action.tag_call", { tags: ["short"] }),
  ],
  [edge("t", "check"), yes("check", "hook"), no("check", "tag")],
);

describe("a run's details", () => {
  it("lists steps in the order they ran, graph order breaking ties, each action with its attempts", async () => {
    const { organization, user } = await createUserWithOrg(handle.db, config, "GetRun");
    await createLiveWorkflow(handle.db, organization.id, graph, "Ordered", user.id);
    const { eventId } = await recordEvent(handle.db, { organization, source: "api", idempotencyKey: "get-run-1", event: missedCall() });
    const [runId] = await fanOutEvent(handle.db, eventId);

    const at = (ms: number) => new Date(Date.parse("2026-11-22T15:00:00.000Z") + ms);
    const first = attemptFailed(startAttempt(1, at(1)), new Error("answered 500"), at(2), { willRetry: true, retryAt: at(1002) });
    const second = attemptSucceeded(startAttempt(2, at(1002)), "action.webhook", { deliveries: [] }, at(1003));
    // The trigger and the condition were recorded within the same millisecond; ids sort them the other way round.
    await handle.db.insert(runSteps).values([
      {
        id: "stp_c_hook",
        runId: runId!,
        nodeId: "hook",
        nodeKind: "action.webhook",
        status: "succeeded",
        startedAt: at(1),
        attempts: [first, second],
        attempt: 2,
      },
      { id: "stp_b_trigger", runId: runId!, nodeId: "t", nodeKind: "trigger", status: "succeeded", startedAt: at(0) },
      { id: "stp_a_check", runId: runId!, nodeId: "check", nodeKind: "condition.call_duration", status: "succeeded", startedAt: at(0) },
    ]);

    const detail = await callerFor(handle.db, config, user, organization.id).run.get({ runId: runId! });
    expect(detail.steps.map((step) => step.nodeId)).toEqual(["t", "check", "hook"]);
    const attempts: StepAttempt[] = detail.steps[2]!.attempts;
    expect(attempts).toEqual([first, second]);
    expect(detail.steps[1]!.attempts).toEqual([]);
  });

  it("falls back to start time alone when the graph cannot be read", () => {
    const steps = [
      { nodeId: "b", startedAt: new Date(2) },
      { nodeId: "a", startedAt: new Date(1) },
    ];
    expect(inRunOrder(steps, null).map((step) => step.nodeId)).toEqual(["a", "b"]);
  });
});
