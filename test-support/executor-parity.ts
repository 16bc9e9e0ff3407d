// Runs one workflow on one event through either executor — the embedded one or the Inngest
// functions (driven by @inngest/test) — and reads back the recorded run(s) in a form that can be
// compared between them: ids, dates and durations that legitimately differ are replaced by names.
import { InngestTestEngine } from "@inngest/test";
import { and, asc, eq, isNull } from "drizzle-orm";
import { Inngest } from "inngest";
import { errors } from "inngest/internals";
import { StepOpCode } from "inngest/types";
import type { Database } from "@/db/client";
import { outboxMessages, runSteps, workflowRuns, type StepAttempt } from "@/db/schema";
import type { WorkflowEvent, WorkflowGraph } from "@/engine";
import { createFanOutFunction } from "@/inngest/functions/fan-out";
import { createRunWorkflowFunction, runWorkflowRetries } from "@/inngest/functions/run-workflow";
import type { AppConfig } from "@/server/config/app-config";
import { recordEvent } from "@/server/events/record-events";
import { createExecutionProviders } from "@/server/execution/create-providers";
import { createEmbeddedExecutor } from "@/server/execution/embedded/embedded-executor";
import type { ExecutionDeps } from "@/server/execution/execute-run";
import type { OutgoingInngestEvent } from "@/server/execution/inngest/inngest-hand-off";
import { createInngestExecutor } from "@/server/execution/inngest/inngest-executor";
import { replayRun } from "@/server/runs/replay-run";
import { createUserWithOrg } from "@/test-support/test-context";
import { startWebhookReceiver, type WebhookReceiver } from "@/test-support/stand-ins/webhook-receiver";
import { createLiveWorkflow } from "@/test-support/workflows";
import { withExecutionOptions } from "./inngest-execution-options";

export type ExecutorName = "embedded" | "inngest";

/** One recorded step, as the run page reads it, with what legitimately differs named instead of valued. */
export type ComparableStep = {
  nodeId: string;
  nodeKind: string;
  status: string;
  branch: string | null;
  input: unknown;
  output: unknown;
  error: unknown;
  /** run_steps.attempt: how many tries the executor counted. */
  attempt: number;
  /** run_steps.attempts: every try of an action, its outcome and what it sent and got back. */
  attempts: unknown[];
  /** A delay's wake time, as minutes after the run started. */
  wakeAt: string | null;
  /** Whether the step's finish time is its last attempt's (null: unfinished, or no attempts). */
  finishedWithLastAttempt: boolean | null;
};

export type ComparableRun = {
  status: string;
  error: string | null;
  replay: boolean;
  wakeAt: string | null;
  finished: boolean;
  /** The finished steps' node ids, in the order of their finish times. */
  finishOrder: string[];
  steps: ComparableStep[];
};

/** Everything one executor left behind for one case. */
export type Recording = {
  run: ComparableRun;
  /** The run while a delay held it (before its wake time), when it had one. */
  parked: ComparableRun | null;
  /** The replay of the run (server/runs/replay-run.ts), walked by the same executor, when asked for. */
  replay: ComparableRun | null;
  /** Texts and emails in the organization's outbox, oldest first. */
  outbox: unknown[];
  /** Requests the webhook receiver got, per path, in order. */
  webhookRequests: string[];
};

export type ParityCase = {
  name: string;
  /** The workflow; `receiver` is the local webhook target's base URL. */
  graph: (receiver: string) => WorkflowGraph;
  event: WorkflowEvent;
  /** HTTP statuses the webhook receiver answers with, in order (then 200); a number, or a status with its headers. */
  webhookStatuses?: ScriptedAnswer[];
  replay?: boolean;
};

export type ParityEnvironment = {
  db: () => Database;
  config: AppConfig;
  receiver: () => WebhookReceiver & { script(statuses: ScriptedAnswer[]): void };
};

export type ScriptedAnswer = number | { status: number; headers: Record<string, string> };

/** The local webhook target, answering the statuses a case scripts, then 200. */
export async function startScriptedReceiver() {
  let script: ScriptedAnswer[] = [];
  const receiver = await startWebhookReceiver({
    respondWith: () => {
      const next = script.shift() ?? 200;
      const { status, headers } = typeof next === "number" ? { status: next, headers: undefined } : next;
      return { status, body: status === 200 ? "ok" : `scripted ${status}`, ...(headers ? { headers } : {}) };
    },
  });
  return Object.assign(receiver, {
    script(statuses: ScriptedAnswer[]) {
      script = [...statuses];
      receiver.requests.length = 0;
    },
  });
}

/** Both executors see the same wall clock for conditions and the step log: 22 Nov 2026, 15:00 UTC. */
export const parityClockStart = new Date("2026-11-22T15:00:00Z");

/** Ticks a millisecond on every reading, so that what happened in order was recorded in order. */
function clock(start = parityClockStart) {
  let current = start.getTime();
  return { now: () => new Date(current++), advance: (ms: number) => (current += ms) };
}

/** How long the parity suite's Inngest takes to call the function again: a step's outcome is recorded as it finished, not then. */
const inngestCallGapMs = 1_000;

let caseCounter = 0;

async function prepareCase(env: ParityEnvironment, parityCase: ParityCase, executor: ExecutorName) {
  const db = env.db();
  const receiver = env.receiver();
  receiver.script(parityCase.webhookStatuses ?? []);
  const { organization, user } = await createUserWithOrg(db, env.config, `Parity ${executor}`);
  const { workflow, version } = await createLiveWorkflow(db, organization.id, parityCase.graph(receiver.url), parityCase.name, user.id);
  const { eventId } = await recordEvent(db, {
    organization,
    source: "api",
    idempotencyKey: `parity-${executor}-${++caseCounter}`,
    event: parityCase.event,
  });
  const names: Record<string, string> = {
    [organization.id]: "<organization id>",
    [organization.name]: "<organization name>",
    [user.id]: "<user id>",
    [user.email!]: "<user email>",
    [workflow.id]: "<workflow id>",
    [version.id]: "<version id>",
    [eventId]: "<event id>",
  };
  if (user.name) names[user.name] = "<user name>";
  return { db, receiver, organization, eventId, names };
}

type Prepared = Awaited<ReturnType<typeof prepareCase>>;

async function liveRunOf(db: Database, eventId: string) {
  const runs = await db
    .select()
    .from(workflowRuns)
    .where(and(eq(workflowRuns.eventId, eventId), isNull(workflowRuns.replayOfRunId)));
  if (runs.length !== 1) throw new Error(`Expected one run of event ${eventId}, found ${runs.length}`);
  return runs[0]!;
}

async function finishRecording(
  prepared: Prepared,
  runId: string,
  parked: ComparableRun | null,
  replayId: string | null,
): Promise<Recording> {
  const { db, receiver, organization, names } = prepared;
  const runNames = { ...names, [runId]: "<run id>" };
  const outbox = await db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.organizationId, organization.id))
    .orderBy(asc(outboxMessages.createdAt));
  return {
    run: await comparableRun(db, runId, runNames),
    parked,
    replay: replayId ? await comparableRun(db, replayId, { ...runNames, [replayId]: "<replay run id>" }) : null,
    outbox: outbox.map((message) =>
      normalise(
        {
          channel: message.channel,
          category: message.category,
          to: message.to,
          from: message.from,
          subject: message.subject,
          body: message.body,
          status: message.status,
          provider: message.provider,
          error: message.error,
          idempotencyKey: message.idempotencyKey,
          nodeId: message.nodeId,
          ofRun: message.runId === runId ? "<run id>" : message.runId === replayId ? "<replay run id>" : message.runId,
        },
        { ...runNames, ...(replayId ? { [replayId]: "<replay run id>" } : {}) },
      ),
    ),
    webhookRequests: receiver.requests.map((request) => `${request.method} ${request.path}`),
  };
}

/** The embedded executor on a fake clock; a delay is resumed by advancing the clock past its wake time and sweeping. */
export async function runOnEmbedded(env: ParityEnvironment, parityCase: ParityCase): Promise<Recording> {
  const prepared = await prepareCase(env, parityCase, "embedded");
  const { db, eventId } = prepared;
  const time = clock();
  const executor = createEmbeddedExecutor({ ...executionDeps(env), now: time.now }, { wait: async () => {} });
  try {
    await executor.dispatchEvent(eventId);
    await executor.idle();
    let run = await liveRunOf(db, eventId);
    let parked: ComparableRun | null = null;
    for (let wakes = 0; run.status === "waiting" && wakes < 5; wakes++) {
      parked ??= await comparableRun(db, run.id, { ...prepared.names, [run.id]: "<run id>" });
      time.advance(run.wakeAt!.getTime() - time.now().getTime() + 60_000);
      await executor.sweep();
      await executor.idle();
      run = await liveRunOf(db, eventId);
    }
    let replayId: string | null = null;
    if (parityCase.replay) {
      replayId = await startReplay(db, prepared.organization.id, run.id);
      if (!executor.dispatchRun) throw new Error("The embedded executor cannot walk a replay");
      await executor.dispatchRun(replayId);
      await executor.idle();
    }
    return await finishRecording(prepared, run.id, parked, replayId);
  } finally {
    await executor.stop();
  }
}

async function startReplay(db: Database, organizationId: string, runId: string) {
  const replay = await replayRun(db, { organizationId, runId });
  if (!replay.ok) throw new Error(`Could not replay run ${runId}: ${replay.message}`);
  return replay.runId;
}

function executionDeps(env: ParityEnvironment, now = clock().now): ExecutionDeps {
  const db = env.db();
  return { db, providers: createExecutionProviders(env.config, db), encryptionKey: env.config.encryptionKey, now };
}

/** A dev client whose every HTTP attempt is refused: nothing leaves the process. */
const quiet = () => {};
const inngest = new Inngest({
  id: "switchboard-parity",
  isDev: true,
  logger: { info: quiet, warn: quiet, error: quiet, debug: quiet },
  fetch: (async (input: RequestInfo | URL) => {
    throw new Error(`The parity suite's Inngest client must not use the network (${String(input)})`);
  }) as typeof fetch,
});

const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type MemoizedOp = { id: string; data: unknown } | { id: string; error: unknown };
type OutgoingStep = { id: string; op: StepOpCode; data?: unknown; error?: unknown; userland?: { id: string } };
type OneRequest =
  | { type: "function-resolved"; data: unknown }
  | { type: "function-rejected"; error: unknown; retriable: unknown }
  | { type: "step-ran"; step: OutgoingStep }
  | { type: "steps-found"; steps: OutgoingStep[] }
  | { type: "step-not-found" | "change-mode" };

/** @inngest/test's engine, one HTTP request at a time: the caller plays the Inngest server between requests. */
class SingleRequestEngine extends InngestTestEngine {
  async request(): Promise<OneRequest> {
    const { result } = await this.individualExecution();
    return result as unknown as OneRequest;
  }
}

/**
 * Plays the Inngest server for one run: each request gets the step state memoized so far (as
 * Inngest sends it: `{ id, data }` or `{ id, error }`, keyed by hashed id) and the attempt number;
 * a retriable step error is retried with the next attempt, a sleep resolves once `onSleep` has
 * looked at the parked run, and the run ends when the function resolves.
 */
async function driveInngestRun(
  fn: ReturnType<typeof createRunWorkflowFunction>,
  request: OutgoingInngestEvent,
  onSleep: (stepId: string) => Promise<void> = async () => {},
  beforeRequest: () => void = () => {},
) {
  const runId = String(request.data.runId);
  const memo: Record<string, MemoizedOp> = {};
  let attempt = 0;
  for (let requests = 0; requests < 100; requests++) {
    beforeRequest();
    const stepState = { ...memo };
    const engine = new SingleRequestEngine({
      function: withExecutionOptions(fn, (options) => ({
        ...options,
        stepState,
        stepCompletionOrder: Object.keys(stepState),
        // Inngest sends the attempt and how many there are in all: the last one's error is final.
        data: { ...(options.data as object), attempt, maxAttempts: runWorkflowRetries + 1 },
      })),
      events: [{ name: request.name, data: request.data }],
    });
    const result = await engine.request();
    switch (result.type) {
      case "function-resolved":
        return result.data;
      case "function-rejected":
        throw new Error(`run-workflow rejected run ${runId}: ${JSON.stringify(result.error)}`);
      case "step-ran": {
        const { step } = result;
        if (step.op === StepOpCode.StepError) {
          attempt += 1; // Inngest retries the step with the next attempt number
          continue;
        }
        // Memoized as Inngest stores it: JSON, the error serialised the way the SDK sends it.
        memo[step.id] = asJson(
          step.op === StepOpCode.StepFailed
            ? { id: step.id, error: errors.serializeError(step.error) }
            : { id: step.id, data: step.data ?? null },
        );
        attempt = 0;
        continue;
      }
      case "steps-found": {
        for (const step of result.steps) {
          if (step.op !== StepOpCode.Sleep) throw new Error(`Unexpected planned step ${JSON.stringify(step)} in run ${runId}`);
          await onSleep(step.userland?.id ?? step.id);
          memo[step.id] = { id: step.id, data: null }; // the sleep is over
        }
        attempt = 0;
        continue;
      }
      default:
        throw new Error(`Unexpected Inngest checkpoint ${result.type} in run ${runId}`);
    }
  }
  throw new Error(`Run ${runId} did not finish within 100 Inngest requests`);
}

/** What the app would send Inngest: the Inngest executor's own hand-off, with `send` captured instead of posted. */
async function handedToInngest(db: Database, handOff: (executor: ReturnType<typeof createInngestExecutor>) => Promise<unknown>) {
  const sent: OutgoingInngestEvent[] = [];
  const executor = createInngestExecutor(db, { send: async (batch) => void sent.push(...batch), log: () => {} });
  await handOff(executor);
  await executor.idle();
  if (sent.length !== 1) throw new Error(`Expected one event handed to Inngest, got ${JSON.stringify(sent)}`);
  return sent[0]!;
}

/**
 * The Inngest functions, fed what the app hands Inngest: fan-out gets the event the Inngest executor
 * sends (its own send step recorded, not sent), then run-workflow gets each run request fan-out sends.
 */
export async function runOnInngest(env: ParityEnvironment, parityCase: ParityCase): Promise<Recording> {
  const prepared = await prepareCase(env, parityCase, "inngest");
  const { db, eventId } = prepared;
  const time = clock();
  const getDeps = async () => executionDeps(env, time.now);

  const received = await handedToInngest(db, (executor) => executor.dispatchEvent(eventId));
  const fanOut = new InngestTestEngine({
    function: createFanOutFunction(inngest, getDeps),
    events: [{ name: received.name, data: received.data }],
    steps: [{ id: "run-workflows", handler: () => ({ ids: [] }) }],
  });
  const fannedOut = (await fanOut.execute()) as Awaited<ReturnType<InngestTestEngine["execute"]>> & { error?: unknown };
  if (fannedOut.error) throw new Error(`fan-out failed: ${JSON.stringify(fannedOut.error)}`);
  const sendEvent = fannedOut.ctx.step.sendEvent as unknown as { mock: { calls: [string, OutgoingInngestEvent[]][] } };
  const requests = sendEvent.mock.calls.flatMap(([, payload]) => payload);
  const run = await liveRunOf(db, eventId);
  if (requests.length !== 1 || requests[0]!.data.runId !== run.id) throw new Error(`fan-out requested ${JSON.stringify(requests)}`);

  const runWorkflow = createRunWorkflowFunction(inngest, getDeps);
  let parked: ComparableRun | null = null;
  const callAgain = () => void time.advance(inngestCallGapMs);
  await driveInngestRun(
    runWorkflow,
    requests[0]!,
    async () => {
      parked ??= await comparableRun(db, run.id, { ...prepared.names, [run.id]: "<run id>" });
      // Inngest wakes the run after its wake time, as the embedded executor's sweep does.
      const { wakeAt } = await liveRunOf(db, eventId);
      time.advance(wakeAt!.getTime() - time.now().getTime() + 60_000);
    },
    callAgain,
  );
  let replayId: string | null = null;
  if (parityCase.replay) {
    const replay = await startReplay(db, prepared.organization.id, run.id);
    replayId = replay;
    await driveInngestRun(runWorkflow, await handedToInngest(db, (executor) => executor.dispatchRun(replay)), undefined, callAgain);
  }
  return finishRecording(prepared, run.id, parked, replayId);
}

// ---------------------------------------------------------------------------------------------
// Normalising a recorded run

/** Keys whose values are dates, durations or ids minted per delivery: kept as "present" or null, never valued. */
const volatileKeys = new Set(["startedAt", "finishedAt", "retryAt", "durationMs", "outboxId", "providerMessageId", "sent_at", "sentAt"]);
/** Response and request headers that carry the moment or a signature over it. */
const volatileHeaders = new Set(["date", "webhook-timestamp", "webhook-signature", "keep-alive"]);
const isoDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const mintedId = /\b(msg|stp|run|evt|out)_[0-9a-z]{20}\b/g;

/** Replaces the case's own ids and names by what they are, and dates, durations and minted ids by a marker. */
export function normalise(value: unknown, names: Record<string, string>, key?: string): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (key && volatileKeys.has(key)) return `<${key}>`;
  if (Array.isArray(value)) return value.map((item) => normalise(item, names));
  if (value instanceof Date) return "<date>";
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([entryKey, entry]) => [
        entryKey,
        key === "headers" && volatileHeaders.has(entryKey.toLowerCase()) ? `<${entryKey}>` : normalise(entry, names, entryKey),
      ]),
    );
  }
  if (typeof value !== "string") return value;
  if (isoDate.test(value)) return "<date>";
  let text = value;
  // Longest first, so an id inside another is never half replaced.
  for (const [raw, name] of Object.entries(names).sort(([a], [b]) => b.length - a.length)) text = text.split(raw).join(name);
  return text.replace(mintedId, (_, prefix: string) => `<${prefix} id>`);
}

function finishedWithLastAttempt(finishedAt: Date | null, attempts: StepAttempt[]): boolean | null {
  const last = attempts.at(-1);
  if (!finishedAt || !last?.finishedAt) return null;
  return finishedAt.getTime() === Date.parse(last.finishedAt);
}

/** The run and each of its steps (by node id), as compared between the executors. */
export async function comparableRun(db: Database, runId: string, names: Record<string, string>): Promise<ComparableRun> {
  const [run] = await db.select().from(workflowRuns).where(eq(workflowRuns.id, runId));
  if (!run) throw new Error(`No run ${runId}`);
  const rows = await db.select().from(runSteps).where(eq(runSteps.runId, runId));
  rows.sort((a, b) => a.nodeId.localeCompare(b.nodeId));
  const relative = (at: Date | null) => (at && run.startedAt ? Math.round((at.getTime() - run.startedAt.getTime()) / 60_000) : null);
  return {
    status: run.status,
    error: normalise(run.error, names) as string | null,
    replay: run.replayOfRunId !== null,
    // A wake time as minutes after the run started: each executor reads its own clock.
    wakeAt: run.wakeAt ? `start + ${relative(run.wakeAt)} min` : null,
    finished: run.finishedAt !== null,
    finishOrder: rows
      .filter((row) => row.finishedAt !== null)
      .sort((a, b) => a.finishedAt!.getTime() - b.finishedAt!.getTime())
      .map((row) => row.nodeId),
    steps: rows.map((row) => ({
      nodeId: row.nodeId,
      nodeKind: row.nodeKind,
      status: row.status,
      branch: row.branch,
      input: normalise(row.input, names),
      output: normalise(row.output, names),
      error: normalise(row.error, names),
      attempt: row.attempt,
      attempts: row.attempts.map((attempt: StepAttempt) => normalise(attempt, names)),
      wakeAt: row.wakeAt ? `start + ${relative(row.wakeAt)} min` : null,
      finishedWithLastAttempt: finishedWithLastAttempt(row.finishedAt, row.attempts),
    })),
  };
}
