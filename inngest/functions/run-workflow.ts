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
import { createInngestStepJournal, type InngestStepJournal } from "@/server/execution/inngest/inngest-step-journal";
import { nonRetriable, restoredStepError } from "@/server/execution/inngest/permanent-step-failure";
import { RecordedStepFailure } from "@/server/execution/step-error";
import { runRequested } from "@/server/execution/inngest/inngest-events";
import { runWorkflowFairness } from "./fairness";

type InngestStep = {
  run: (id: string, fn: () => Promise<unknown>) => Promise<unknown>;
  sleep: (id: string, duration: string) => Promise<void>;
  sleepUntil: (id: string, time: Date) => Promise<void>;
};

/** One try of a step's work, recorded (an action's attempt) or not. */
type AttemptRunner = <T>(id: string, work: () => Promise<T>) => Promise<T>;

/** Retries Inngest makes of a failed step: four attempts in all, as the embedded executor makes. */
export const runWorkflowRetries = 3;

/** Step ids of this function's own bookkeeping; node ids never contain a colon. */
export const claimStepId = "switchboard:claim";
export const parkStepId = (nodeId: string) => `${nodeId}:park`;

/** How a step's tries are run and put on the record; a bare runner (no record) when not given. */
export type InngestStepRecording = {
  attempt: AttemptRunner;
  journal: InngestStepJournal;
  /** Whether this invocation runs Inngest's last attempt at a step: its failure is final. */
  lastAttempt: boolean;
  now: () => Date;
};

/**
 * Inngest's `step` as the engine's step runner: a step finished by an earlier Inngest run of the
 * same workflow run is returned, not run again; permanent provider errors stop Inngest's retries,
 * and a provider's Retry-After (a webhook's 429/503, Twilio's 429) sets when the next try comes.
 */
export function inngestStepRunner(step: InngestStep, recording?: InngestStepRecording): StepRunner {
  const attempt: AttemptRunner = recording?.attempt ?? ((_id, work) => work());
  return {
    async run<T>(id: string, fn: () => Promise<T>) {
      try {
        return (await step.run(id, async () => {
          const recorded = await recording?.journal.recorded(id);
          if (recorded?.ok) return recorded.value;
          if (recorded) throw nonRetriable(new RecordedStepFailure(recorded.error));
          const startedAt = recording?.now() ?? new Date();
          try {
            const value = await attempt(id, fn);
            await recording?.journal.succeeded(id, startedAt, value);
            return value;
          } catch (error) {
            const permanent = isPermanentError(error);
            if (permanent || recording?.lastAttempt) await recording?.journal.failed(id, startedAt, error);
            if (permanent) throw nonRetriable(error as Error);
            const retryAfterSeconds = retryAfterSecondsOf(error);
            if (retryAfterSeconds) throw new RetryAfterError((error as Error).message, retryAfterSeconds * 1000, { cause: error });
            throw error;
          }
        })) as T;
      } catch (error) {
        throw restoredStepError(error);
      }
    },
    sleep: (id, delay) => step.sleep(id, delay.duration),
  };
}

/** What the park step of a delay decided: sleep as long as the delay says, until an earlier Inngest run's wake time, or not at all. */
type Parking = { over: true } | { until: string; inherited: boolean };

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

      const nodeKinds = new Map(loaded.graph.nodes.map((node) => [node.id, node.kind]));
      const maxAttempts = runWorkflowRetries + 1;
      const attemptLog = createInngestAttemptLog({ db: deps.db, runId, nodeKinds, inngestAttempt: attempt, maxAttempts, now });
      const journal = createInngestStepJournal({ db: deps.db, runId, nodeKinds, inngestAttempt: attempt, now });
      const inngestStep = step as unknown as InngestStep;
      const runner = inngestStepRunner(inngestStep, {
        attempt: attemptLog.attempt,
        journal,
        lastAttempt: attempt + 1 >= maxAttempts,
        now,
      });
      // Shown as waiting (with its wake time, the delay's step as sleeping) while Inngest holds the sleep,
      // as the embedded executor does. Parking is a step of its own, so a later invocation never parks the
      // run again nor moves its wake time; a delay an earlier Inngest run parked keeps its wake time.
      runner.sleep = async (id, delay) => {
        const parking = (await inngestStep.run(parkStepId(id), async (): Promise<Parking> => {
          const wakeAt = new Date(now().getTime() + delay.milliseconds);
          const parkedUntil = await journal.park(id, wakeAt);
          if (!parkedUntil) return { over: true };
          await transitionRun(deps.db, runId, runTransitions.parked(parkedUntil));
          return { until: parkedUntil.toISOString(), inherited: parkedUntil.getTime() !== wakeAt.getTime() };
        })) as Parking | null;
        if (parking && "over" in parking) return;
        if (parking?.inherited) await inngestStep.sleepUntil(id, new Date(parking.until));
        else await inngestStep.sleep(id, delay.duration);
        await journal.wokeUp(id);
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
