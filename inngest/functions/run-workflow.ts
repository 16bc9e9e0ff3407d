import { NonRetriableError, RetryAfterError, type Inngest } from "inngest";
import { and, eq } from "drizzle-orm";
import { workflowRuns } from "@/db/schema";
import type { StepRunner } from "@/engine";
import { executeRun, type ExecutionDeps } from "@/server/execution/execute-run";
import { loadRun } from "@/server/execution/load-run";
import { isPermanentError, retryAfterSecondsOf } from "@/server/execution/permanent-error";
import { runTransitions, transitionRun } from "@/server/execution/run-transitions";
import { claimInngestRun, type InngestRunClaim } from "@/server/execution/inngest/claim-inngest-run";
import { createInngestAttemptLog } from "@/server/execution/inngest/inngest-attempt-log";
import { runRequested } from "@/server/execution/inngest/inngest-events";
import { runWorkflowFairness } from "./fairness";

type InngestStep = {
  run: (id: string, fn: () => Promise<unknown>) => Promise<unknown>;
  sleep: (id: string, duration: string) => Promise<void>;
};

/** One try of a step's work, recorded (an action's attempt) or not. */
type AttemptRunner = <T>(id: string, work: () => Promise<T>) => Promise<T>;

/** Retries Inngest makes of a failed step: four attempts in all, as the embedded executor makes. */
export const runWorkflowRetries = 3;

/** Step ids of this function's own bookkeeping; node ids never contain a colon. */
export const claimStepId = "switchboard:claim";
export const parkStepId = (nodeId: string) => `${nodeId}:park`;

/**
 * The error a step failed with, as Inngest hands it back (a StepError rebuilt from the memo, named
 * after the error we threw), given the original error's `code` from its serialised cause: the run
 * page's hints depend on it.
 */
function withCodeOf(error: unknown): unknown {
  if (!(error instanceof Error) || typeof (error as { code?: unknown }).code === "string") return error;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  if (typeof code === "string") Object.assign(error, { code });
  return error;
}

/**
 * Stops Inngest's retries of a step. When Inngest hands a memoised failure back (a StepError), it
 * keeps only the name, message and stack of a cause that looks like an error, so the code travels in
 * a cause shaped otherwise, which Inngest hands back whole.
 */
function nonRetriable(error: Error) {
  const code = (error as { code?: unknown }).code;
  const cause = typeof code === "string" ? { code, error: { name: error.name, message: error.message } } : error;
  return new NonRetriableError(error.message, { cause });
}

/**
 * Inngest's `step` as the engine's step runner: permanent provider errors stop Inngest's retries,
 * and a provider's Retry-After (a webhook's 429/503, Twilio's 429) sets when the next try comes.
 */
export function inngestStepRunner(step: InngestStep, attempt: AttemptRunner = (_id, work) => work()): StepRunner {
  return {
    async run<T>(id: string, fn: () => Promise<T>) {
      try {
        return (await step.run(id, async () => {
          try {
            return await attempt(id, fn);
          } catch (error) {
            if (isPermanentError(error)) throw nonRetriable(error as Error);
            const retryAfterSeconds = retryAfterSecondsOf(error);
            if (retryAfterSeconds) throw new RetryAfterError((error as Error).message, retryAfterSeconds * 1000, { cause: error });
            throw error;
          }
        })) as T;
      } catch (error) {
        throw withCodeOf(error);
      }
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
      ...runWorkflowFairness,
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
      const now = deps.now ?? (() => new Date());
      const loaded = await loadRun(deps.db, event.data.runId);
      if (!loaded) throw new NonRetriableError(`Run ${event.data.runId} does not exist`);
      const runId = loaded.run.id;
      // One Inngest run walks a run: a duplicate request (a re-send, or one after Inngest's 24 h de-duplication) ends here.
      const claim = (await step.run(claimStepId, () => claimInngestRun(deps.db, runId, now()))) as InngestRunClaim;
      if (!claim.claimed) return { status: claim.status, alreadyHandled: true };

      const attemptLog = createInngestAttemptLog({
        db: deps.db,
        runId,
        nodeKinds: new Map(loaded.graph.nodes.map((node) => [node.id, node.kind])),
        inngestAttempt: attempt,
        maxAttempts: runWorkflowRetries + 1,
      });
      const inngestStep = step as unknown as InngestStep;
      const runner = inngestStepRunner(inngestStep, attemptLog.attempt);
      const sleep = runner.sleep;
      // Shown as waiting (with its wake time) while Inngest holds the sleep, as the embedded executor does.
      // Parking is a step of its own, so a later invocation never parks the run again nor moves its wake time.
      runner.sleep = async (id, delay) => {
        await inngestStep.run(parkStepId(id), async () => {
          await transitionRun(deps.db, runId, runTransitions.parked(new Date(now().getTime() + delay.milliseconds)));
        });
        await sleep(id, delay);
        await deps.db
          .update(workflowRuns)
          .set(runTransitions.resumed())
          .where(and(eq(workflowRuns.id, runId), eq(workflowRuns.status, "waiting")));
      };
      const result = await executeRun(deps, loaded, runner);
      return { status: result.status };
    },
  );
}
