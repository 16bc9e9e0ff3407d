import type { Inngest } from "inngest";
import type { ExecutionDeps } from "@/server/execution/execute-run";
import { fanOutEvent } from "@/server/execution/fan-out-event";
import { runRequestId } from "@/server/execution/inngest/hand-off-ids";
import { eventReceived, runRequested } from "@/server/execution/inngest/inngest-events";
import { fanOutFairness } from "./fairness";

/** Thin: find the workflows an event fires (engine + one indexed query), start one run each. */
export function createFanOutFunction(inngest: Inngest.Any, getDeps: () => Promise<ExecutionDeps>) {
  return inngest.createFunction({ id: "fan-out", triggers: [eventReceived], ...fanOutFairness }, async ({ event, step }) => {
    const { eventId, ...fairnessKeys } = event.data;
    const runIds = await step.run("start-runs", async () => fanOutEvent((await getDeps()).db, eventId));
    if (runIds.length > 0) {
      // The run's id makes Inngest drop a duplicate send: one run-workflow per run. Should this send fail
      // for good, the runs stay queued and the executor's sweep requests them again.
      await step.sendEvent(
        "run-workflows",
        runIds.map((runId) => ({ name: runRequested.name, data: { runId, ...fairnessKeys }, id: runRequestId(runId) })),
      );
    }
    return { runIds };
  });
}
