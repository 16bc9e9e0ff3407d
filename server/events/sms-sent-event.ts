import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events, organizations, trackingNumbers, workflowRuns } from "@/db/schema";
import { workflowEventSchema, type WorkflowEvent } from "@/engine";
import { callerNumberFrom } from "../phone-numbers/phone-number";
import { acceptEvents } from "./accept-events";
import { countPriorCalls } from "./caller-history";

/**
 * Records the `sms.sent` event for a text a workflow just sent, so "a text was sent" workflows
 * (webhooks to a CRM…) see it. Keyed by run and step: a retried step records it once. It is
 * accepted without an executor: stored pending and picked up by the executor's sweep. It cannot loop back: the event is new
 * (a run is one version × one event), and a workflow triggered by `sms.sent` cannot text.
 */
export async function recordSmsSentEvent(
  db: Database,
  input: { organizationId: string; runId: string; nodeId: string; to: string; from: string; body: string; messageId: string; at?: Date },
) {
  const [row] = await db
    .select({ payload: events.payload, organization: { id: organizations.id, name: organizations.name } })
    .from(workflowRuns)
    .innerJoin(events, eq(events.id, workflowRuns.eventId))
    .innerJoin(organizations, eq(organizations.id, workflowRuns.organizationId))
    .where(and(eq(workflowRuns.id, input.runId), eq(workflowRuns.organizationId, input.organizationId)))
    .limit(1);
  if (!row) return null;
  const parsed = workflowEventSchema.safeParse(row.payload);
  const trigger: WorkflowEvent | null = parsed.success ? parsed.data : null;
  const at = input.at ?? new Date();
  const to = callerNumberFrom(input.to);
  const from = callerNumberFrom(input.from).number;

  const sameCaller = trigger?.caller && trigger.caller.phone_number === to.number ? trigger.caller : null;
  const priorCalls = sameCaller
    ? null
    : await countPriorCalls(db, { organizationId: input.organizationId, callerNumber: to.number, before: at, validNumber: to.valid });
  const sameTracking = trigger?.tracking_number && trigger.tracking_number.phone_number === from ? trigger : null;
  const [number] = sameTracking
    ? []
    : await db
        .select()
        .from(trackingNumbers)
        .where(and(eq(trackingNumbers.organizationId, input.organizationId), eq(trackingNumbers.phoneNumber, from)))
        .limit(1);

  const event = workflowEventSchema.parse({
    type: "sms.sent",
    id: "pending",
    created_at: at.toISOString(),
    organization: row.organization,
    message: { id: input.messageId, body: input.body, media_urls: [], direction: "outbound" },
    caller: sameCaller ?? { phone_number: to.number, first_call: priorCalls === 0, prior_calls: priorCalls ?? 0 },
    tracking_number: sameTracking?.tracking_number ?? {
      phone_number: from,
      label: number?.label ?? null,
      business_phone_number: number?.businessNumber ?? null,
    },
    attribution: sameTracking ? sameTracking.attribution : { source: number?.source ?? null },
  });
  const [recorded] = await acceptEvents({ db, executor: null }, [
    { organization: row.organization, source: "workflow", idempotencyKey: `sms-sent:${input.runId}:${input.nodeId}`, event },
  ]);
  return recorded!;
}
