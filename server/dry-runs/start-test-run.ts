import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events, workflowRuns } from "@/db/schema";
import type { WorkflowGraph } from "@/engine";
import { executeRun, type ExecutionDeps } from "../execution/execute-run";
import { loadRun } from "../execution/load-run";
import { runTransitions, transitionRun } from "../execution/run-transitions";
import { runSearchFieldsOf } from "../runs/run-search-fields";
import { immediateStepRunner } from "./immediate-step-runner";
import { eventForTestRun, type TestEventChoice } from "./test-event-choice";

// Long enough for any test run; the embedded executor's sweep leaves a leased run alone until then.
const TEST_RUN_LEASE_MS = 10 * 60_000;

/**
 * Records a test run of a draft graph: mode "test", the draft kept on the run, no version. The
 * live-run unique index and fan-out only ever consider mode "live", so a test run is never a
 * fan-out candidate and never blocks a live run of the same event.
 */
export async function createTestRun(
  db: Database,
  input: { organization: { id: string; name: string }; workflowId: string; graph: WorkflowGraph; event: TestEventChoice },
): Promise<{ runId: string }> {
  return db.transaction(async (tx) => {
    const eventId = await eventForTestRun(tx, input.organization, input.event);
    const [event] = await tx.select({ type: events.type, payload: events.payload }).from(events).where(eq(events.id, eventId)).limit(1);
    const now = new Date();
    const [run] = await tx
      .insert(workflowRuns)
      .values({
        organizationId: input.organization.id,
        workflowId: input.workflowId,
        versionId: null,
        eventId,
        mode: "test",
        testGraph: input.graph,
        ...runTransitions.leased(now, new Date(now.getTime() + TEST_RUN_LEASE_MS)),
        // So the Runs page's trigger and caller filters find test runs too.
        ...runSearchFieldsOf(event!),
      })
      .returning({ id: workflowRuns.id });
    return { runId: run!.id };
  });
}

/**
 * Walks a test run straight through. Actions are rendered, not sent (the dry-run executors),
 * unless the user switched on "send for real". A crash here fails the run rather than leaving it spinning.
 */
export async function executeTestRun(deps: ExecutionDeps, runId: string, options: { sendForReal: boolean }): Promise<void> {
  try {
    const loaded = await loadRun(deps.db, runId);
    if (!loaded) return;
    await executeRun(deps, loaded, immediateStepRunner, { sendForReal: options.sendForReal });
  } catch (error) {
    await transitionRun(
      deps.db,
      runId,
      runTransitions.failed(`The test could not finish: ${error instanceof Error ? error.message : String(error)}`, new Date()),
    );
  }
}
