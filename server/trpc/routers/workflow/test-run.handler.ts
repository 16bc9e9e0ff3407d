import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { createExecutionProviders } from "@/server/execution/create-providers";
import { listRecentEvents } from "@/server/dry-runs/recent-events";
import { createTestRun, executeTestRun } from "@/server/dry-runs/start-test-run";
import { TestEventError } from "@/server/dry-runs/test-event-choice";
import { testableGraph, UntestableGraphError } from "@/server/dry-runs/testable-graph";
import type { OrgProcedureContext } from "../../procedures";
import { findWorkflowInOrg } from "./find-workflow";
import type { testEventsSchema, testRunSchema } from "./test-run.schema";

type Ctx = { ctx: OrgProcedureContext };

/**
 * Starts a test run of the draft on screen and answers with its id at once; the run is walked in
 * this process (it needs no durable executor: nothing waits and nothing retries) and the editor polls it.
 */
export async function testRun({ ctx, input }: Ctx & { input: z.infer<typeof testRunSchema> }) {
  const workflow = await findWorkflowInOrg(ctx.db, ctx.org.id, input.workflowId);
  let started: { runId: string };
  try {
    const graph = testableGraph(input.graph);
    started = await createTestRun(ctx.db, { organization: ctx.org, workflowId: workflow.id, graph, event: input.event });
  } catch (error) {
    if (error instanceof UntestableGraphError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
    if (error instanceof TestEventError) {
      throw new TRPCError({ code: error.reason === "not_found" ? "NOT_FOUND" : "BAD_REQUEST", message: error.message });
    }
    throw error;
  }
  const deps = { db: ctx.db, providers: createExecutionProviders(ctx.config, ctx.db), encryptionKey: ctx.config.encryptionKey };
  void executeTestRun(deps, started.runId, { sendForReal: input.sendForReal });
  return started;
}

/** The latest real events that would fire this trigger, to test on instead of a sample. */
export async function testEvents({ ctx, input }: Ctx & { input: z.infer<typeof testEventsSchema> }) {
  await findWorkflowInOrg(ctx.db, ctx.org.id, input.workflowId);
  return listRecentEvents(ctx.db, ctx.org.id, input.eventType);
}
