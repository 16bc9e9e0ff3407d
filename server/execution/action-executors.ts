import { and, eq, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { calls, memberships, users } from "@/db/schema";
import type { ActionExecutors, ActionInputs, ExecutableActionKind, WorkflowNode } from "@/engine";
import { decryptSecret } from "../crypto/secret-box";
import { recordSmsSentEvent } from "../events/sms-sent-event";
import { sendWorkflowText } from "../sms/send-workflow-text";
import { noteAttemptRequest } from "./attempt-request";
import type { ExecutionProviders } from "./execution-providers";
import type { LoadedRun } from "./load-run";
import { PermanentStepError } from "./permanent-error";

export type RunIdentity = {
  runId: string;
  organizationId: string;
  workflowCreatorUserId: string | null;
  webhookSecretEncrypted: string | null;
};

type Executor<K extends ExecutableActionKind> = (input: ActionInputs[K], node: WorkflowNode) => Promise<unknown>;

async function recipientsFor(db: Database, run: RunIdentity, input: ActionInputs["action.send_email"]) {
  if (input.recipients.type === "addresses") return input.recipients.addresses;
  const rows = await db
    .select({ email: users.email, role: memberships.role, userId: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, run.organizationId));
  if (input.recipients.type === "all_members") return rows.flatMap((row) => (row.email ? [row.email] : []));
  // "me" is the person who created the workflow; if they have left, its owners.
  const creator = rows.find((row) => row.userId === run.workflowCreatorUserId);
  const fallback = rows.filter((row) => row.role === "owner");
  return (creator ? [creator] : fallback).flatMap((row) => (row.email ? [row.email] : []));
}

function emailText(input: ActionInputs["action.send_email"]): string {
  if (!input.summary || input.summary.length === 0) return input.body;
  const lines = input.summary.map((line) => `${line.label}: ${line.value}`);
  return `${input.body}\n\n— Call details —\n${lines.join("\n")}`;
}

/** Runs `work`; if it throws, the attempt record says what was being sent. */
async function noteRequestOnFailure<T>(request: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw noteAttemptRequest(error, request);
  }
}

/** Live side effects: every one keyed by run id + node id so a retried step is delivered once. */
export function createLiveActionExecutors(
  db: Database,
  providers: ExecutionProviders,
  run: RunIdentity,
  encryptionKey: Buffer,
): ActionExecutors {
  const key = (node: WorkflowNode) => `${run.runId}:${node.id}`;
  const executors: { [K in ExecutableActionKind]: Executor<K> } = {
    "action.send_sms"(input, node) {
      return noteRequestOnFailure({ to: input.to, from: input.from }, async () => {
        const text = { organizationId: run.organizationId, to: input.to, idempotencyKey: key(node) };
        const outcome = await sendWorkflowText(db, text, providers.smsDailyLimit, () =>
          providers.sendSms({ ...text, from: input.from, body: input.body, runId: run.runId, nodeId: node.id }),
        );
        if ("refused" in outcome) throw new PermanentStepError(outcome.refused.message, outcome.refused.code);
        const result = outcome.sent;
        const messageId = result.providerMessageId ?? result.outboxId ?? key(node);
        const sent = {
          organizationId: run.organizationId,
          runId: run.runId,
          nodeId: node.id,
          to: input.to,
          from: input.from,
          body: input.body,
          messageId,
        };
        await recordSmsSentEvent(db, sent);
        return { ...result, to: input.to, from: input.from, segments: input.segments };
      });
    },
    async "action.send_email"(input, node) {
      const recipients = await recipientsFor(db, run, input);
      if (recipients.length === 0) throw new PermanentStepError("There is nobody to email.", "no_recipients");
      const sent = [];
      for (const to of recipients) {
        try {
          const result = await providers.sendEmail({
            organizationId: run.organizationId,
            to,
            subject: input.subject,
            text: emailText(input),
            idempotencyKey: `${key(node)}:${to}`,
            runId: run.runId,
            nodeId: node.id,
          });
          sent.push({ to, ...result });
        } catch (error) {
          throw noteAttemptRequest(error, { subject: input.subject, to: recipients, sentBeforeFailure: sent.map((email) => email.to) });
        }
      }
      return { subject: input.subject, sent };
    },
    async "action.webhook"(input, node) {
      if (!run.webhookSecretEncrypted) throw new PermanentStepError("This workspace has no webhook signing secret.", "no_secret");
      const deliveries = await providers.deliverWebhook({
        urls: input.urls,
        headers: input.headers,
        payload: input.body,
        webhookId: `msg_${run.runId}_${node.id}`,
        secret: decryptSecret(run.webhookSecretEncrypted, encryptionKey),
      });
      return deliveries;
    },
    async "action.tag_call"(input) {
      const sameCall = input.externalId
        ? or(eq(calls.id, input.callId), eq(calls.externalId, input.externalId))
        : eq(calls.id, input.callId);
      const match = and(eq(calls.organizationId, run.organizationId), sameCall);
      const updated = await db
        .update(calls)
        .set({
          tags: sql`(select coalesce(jsonb_agg(distinct t), '[]'::jsonb) from jsonb_array_elements_text(${calls.tags} || ${JSON.stringify(input.tags)}::jsonb) as t)`,
        })
        .where(match)
        .returning({ id: calls.id, tags: calls.tags });
      if (updated.length === 0) return { tagged: false, tags: input.tags, note: "No call record to tag (a simulated call?)" };
      return { tagged: true, tags: updated[0]!.tags };
    },
  };
  return {
    execute(kind, input, node) {
      return (executors[kind] as Executor<typeof kind>)(input, node);
    },
  };
}

/**
 * Where a run's actions go: live side effects (live runs, and test runs the user asked to send for
 * real), or rendered and shown only.
 */
export function actionExecutorsFor(
  deps: { db: Database; providers: ExecutionProviders; encryptionKey: Buffer },
  loaded: LoadedRun,
  options: { live: boolean },
): ActionExecutors {
  if (!options.live) return dryRunActionExecutors;
  const { run, organization } = loaded;
  return createLiveActionExecutors(
    deps.db,
    deps.providers,
    {
      runId: run.id,
      organizationId: organization.id,
      workflowCreatorUserId: loaded.workflowCreatorUserId,
      webhookSecretEncrypted: organization.webhookSecretEncrypted,
    },
    deps.encryptionKey,
  );
}

/** Test mode: actions are rendered and shown, not sent. */
export const dryRunActionExecutors: ActionExecutors = {
  async execute(kind, input) {
    return { simulated: true, kind, wouldSend: input };
  },
};
