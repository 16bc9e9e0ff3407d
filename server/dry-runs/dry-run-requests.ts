import { TRPCError } from "@trpc/server";
import { createExecutionProviders } from "@/server/execution/create-providers";
import { listRecentEvents } from "./recent-events";
import { createTestRun, executeTestRun } from "./start-test-run";
import { TestEventError } from "./test-event-choice";
import { testableGraph, UntestableGraphError } from "./testable-graph";
import type { OrgScope } from "@/server/organizations/org-scope";
import { findWorkflowInOrg } from "@/server/workflows/find-workflow";
import type { TestEventsInput, TestRunInput } from "@/server/trpc/routers/workflow.schemas";

/**
 * Starts a test run of the draft on screen and answers with its id at once; the run is walked in
 * this process (it needs no durable executor: nothing waits and nothing retries) and the editor polls it.
 */
export async function testRun(scope: OrgScope, input: TestRunInput) {
  const workflow = await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  let started: { runId: string };
  try {
    const graph = testableGraph(input.graph);
    started = await createTestRun(scope.db, { organization: scope.org, workflowId: workflow.id, graph, event: input.event });
  } catch (error) {
    if (error instanceof UntestableGraphError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
    if (error instanceof TestEventError) {
      throw new TRPCError({ code: error.reason === "not_found" ? "NOT_FOUND" : "BAD_REQUEST", message: error.message });
    }
    throw error;
  }
  const deps = { db: scope.db, providers: createExecutionProviders(scope.config, scope.db), encryptionKey: scope.config.encryptionKey };
  void executeTestRun(deps, started.runId, { sendForReal: input.sendForReal });
  return started;
}

/** The latest real events that would fire this trigger, to test on instead of a sample. */
export async function testEvents(scope: OrgScope, input: TestEventsInput) {
  await findWorkflowInOrg(scope.db, scope.org.id, input.workflowId);
  return listRecentEvents(scope.db, scope.org.id, input.eventType);
}
