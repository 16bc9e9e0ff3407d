import { eq } from "drizzle-orm";
import { NonRetriableError, type Inngest } from "inngest";
import { workflowRuns } from "@/db/schema";
import type { StepRunner } from "@/engine";
import { durationToMs } from "@/server/execution/durations";
import { executeRun, type ExecutionDeps } from "@/server/execution/execute-run";
import { loadRun } from "@/server/execution/load-run";
import { isPermanentError } from "@/server/execution/permanent-error";
import { runRequested } from "../events";

type InngestStep = {
  run: (id: string, fn: () => Promise<unknown>) => Promise<unknown>;
  sleep: (id: string, duration: string | number) => Promise<void>;
};

/** Inngest's `step` as the engine's step runner; permanent provider errors stop Inngest's retries. */
export function inngestStepRunner(step: InngestStep): StepRunner {
  return {
    async run<T>(id: string, fn: () => Promise<T>) {
      return (await step.run(id, async () => {
        try {
          return await fn();
        } catch (error) {
          if (isPermanentError(error)) throw new NonRetriableError((error as Error).message, { cause: error });
          throw error;
        }
      })) as T;
    },
    sleep: (id, duration) => step.sleep(id, duration),
  };
}

/** Thin: load the run, walk it with the engine using Inngest's durable steps, persist each node. */
export function createRunWorkflowFunction(inngest: Inngest.Any, getDeps: () => Promise<ExecutionDeps>) {
  return inngest.createFunction(
  {
    id: "run-workflow",
    triggers: [runRequested],
    retries: 3,
    async onFailure({ event, error }) {
      const runId = (event.data.event.data as { runId: string }).runId;
      const { db, onRunFailed } = await getDeps();
      const [run] = await db
        .update(workflowRuns)
        .set({ status: "failed", error: error.message, finishedAt: new Date() })
        .where(eq(workflowRuns.id, runId))
        .returning({ workflowId: workflowRuns.workflowId, organizationId: workflowRuns.organizationId, mode: workflowRuns.mode });
      if (run && run.mode === "live") await onRunFailed?.({ runId, workflowId: run.workflowId, organizationId: run.organizationId, error: error.message });
    },
  },
  async ({ event, step }) => {
    const deps = await getDeps();
    const loaded = await loadRun(deps.db, event.data.runId);
    if (!loaded) throw new NonRetriableError(`Run ${event.data.runId} does not exist`);
    if (!loaded.run.startedAt) {
      await deps.db.update(workflowRuns).set({ status: "running", startedAt: new Date() }).where(eq(workflowRuns.id, loaded.run.id));
    }
    const runner = inngestStepRunner(step as unknown as InngestStep);
    const sleep = runner.sleep;
    // Show a delayed run as waiting (with its wake time) while Inngest holds it, as the embedded executor does.
    runner.sleep = async (id, duration) => {
      const wakeAt = new Date(Date.now() + durationToMs(duration));
      await deps.db.update(workflowRuns).set({ status: "waiting", wakeAt }).where(eq(workflowRuns.id, loaded.run.id));
      await sleep(id, duration);
      await deps.db.update(workflowRuns).set({ status: "running", wakeAt: null }).where(eq(workflowRuns.id, loaded.run.id));
    };
    const result = await executeRun(deps, loaded, runner);
    return { status: result.status };
  },
);
}
