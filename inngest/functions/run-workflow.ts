import { NonRetriableError, type Inngest } from "inngest";
import type { StepRunner } from "@/engine";
import { executeRun, type ExecutionDeps } from "@/server/execution/execute-run";
import { loadRun } from "@/server/execution/load-run";
import { isPermanentError } from "@/server/execution/permanent-error";
import { runTransitions, transitionRun } from "@/server/execution/run-transitions";
import { createInngestAttemptLog } from "@/server/execution/inngest/inngest-attempt-log";
import { runRequested } from "@/server/execution/inngest/inngest-events";

type InngestStep = {
  run: (id: string, fn: () => Promise<unknown>) => Promise<unknown>;
  sleep: (id: string, duration: string) => Promise<void>;
};

/** One try of a step's work, recorded (an action's attempt) or not. */
type AttemptRunner = <T>(id: string, work: () => Promise<T>) => Promise<T>;

/** Retries Inngest makes of a failed step: four attempts in all, as the embedded executor makes. */
export const runWorkflowRetries = 3;

/** Inngest's `step` as the engine's step runner; permanent provider errors stop Inngest's retries. */
export function inngestStepRunner(step: InngestStep, attempt: AttemptRunner = (_id, work) => work()): StepRunner {
  return {
    async run<T>(id: string, fn: () => Promise<T>) {
      return (await step.run(id, async () => {
        try {
          return await attempt(id, fn);
        } catch (error) {
          if (isPermanentError(error)) throw new NonRetriableError((error as Error).message, { cause: error });
          throw error;
        }
      })) as T;
    },
    sleep: (id, delay) => step.sleep(id, delay.duration),
  };
}

/** Thin: load the run, walk it with the engine using Inngest's durable steps, persist each node. */
export function createRunWorkflowFunction(inngest: Inngest.Any, getDeps: () => Promise<ExecutionDeps>) {
  return inngest.createFunction(
    {
      id: "run-workflow",
      triggers: [runRequested],
      retries: runWorkflowRetries,
      async onFailure({ event, error }) {
        const runId = (event.data.event.data as { runId: string }).runId;
        const { db, onRunFailed } = await getDeps();
        const run = await transitionRun(db, runId, runTransitions.failed(error.message, new Date()));
        if (run && run.mode === "live")
          await onRunFailed?.({ runId, workflowId: run.workflowId, organizationId: run.organizationId, error: error.message });
      },
    },
    async ({ event, step, attempt }) => {
      const deps = await getDeps();
      const loaded = await loadRun(deps.db, event.data.runId);
      if (!loaded) throw new NonRetriableError(`Run ${event.data.runId} does not exist`);
      if (!loaded.run.startedAt) {
        await transitionRun(deps.db, loaded.run.id, runTransitions.started(new Date()));
      }
      const attemptLog = createInngestAttemptLog({
        db: deps.db,
        runId: loaded.run.id,
        nodeKinds: new Map(loaded.graph.nodes.map((node) => [node.id, node.kind])),
        inngestAttempt: attempt,
        maxAttempts: runWorkflowRetries + 1,
      });
      const runner = inngestStepRunner(step as unknown as InngestStep, attemptLog.attempt);
      const sleep = runner.sleep;
      // Show a delayed run as waiting (with its wake time) while Inngest holds it, as the embedded executor does.
      runner.sleep = async (id, delay) => {
        const wakeAt = new Date(Date.now() + delay.milliseconds);
        await transitionRun(deps.db, loaded.run.id, runTransitions.parked(wakeAt));
        await sleep(id, delay);
        await transitionRun(deps.db, loaded.run.id, runTransitions.resumed());
      };
      const result = await executeRun(deps, loaded, runner);
      return { status: result.status };
    },
  );
}
