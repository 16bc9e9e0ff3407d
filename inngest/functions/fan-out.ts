import type { Inngest } from "inngest";
import type { ExecutionDeps } from "@/server/execution/execute-run";
import { fanOutEvent } from "@/server/execution/fan-out-event";
import { eventReceived, runRequested } from "@/server/execution/inngest/inngest-events";

/** Thin: find the workflows an event fires (engine + one indexed query), start one run each. */
export function createFanOutFunction(inngest: Inngest.Any, getDeps: () => Promise<ExecutionDeps>) {
  return inngest.createFunction({ id: "fan-out", triggers: [eventReceived] }, async ({ event, step }) => {
    const runIds = await step.run("start-runs", async () => fanOutEvent((await getDeps()).db, event.data.eventId));
    if (runIds.length > 0) {
      // The event id makes Inngest drop a duplicate send: one run-workflow per run.
      await step.sendEvent(
        "run-workflows",
        runIds.map((runId) => ({ name: runRequested.name, data: { runId }, id: `run-${runId}` })),
      );
    }
    return { runIds };
  });
}
