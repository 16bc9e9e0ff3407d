import { and, eq, inArray, isNull } from "drizzle-orm";
import { calls, organizations, trackingNumbers } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { findTrackingNumber, type TrackingNumberWithOrg } from "../tracking-number-lookup";
import { recordCallStage } from "./call-lifecycle";
import { callerFacts, nonNegativeInt, twilioTimestamp } from "./twilio-params";
import type { TwilioWebhookDeps } from "./twilio-webhook-deps";
import { engineCallStatus, optional, terminalTwilioStatuses, verifyTwilioRequest, type TwilioParams } from "./verify-twilio-request";

const dialOutcomes = ["answered", "no_answer", "busy", "failed", "canceled"];

/**
 * The tracking number (and so the organization) a status callback belongs to. The caller's leg
 * is addressed to the tracking number. The forwarded leg (it has a ParentCallSid and is
 * addressed to the business number) names it in the callback URL's query, which Twilio signs;
 * without it, the call stored for the parent is looked up — only if it came in on a tracking
 * number of its own organization.
 */
async function resolveTrackingNumber(
  db: Queryable,
  request: Request,
  params: TwilioParams,
  parentSid: string | null,
): Promise<TrackingNumberWithOrg | null> {
  if (!parentSid) return findTrackingNumber(db, params.To ?? params.Called);
  const named = new URL(request.url).searchParams.get("tracking_number");
  if (named) return findTrackingNumber(db, named);
  const [row] = await db
    .select({ number: trackingNumbers, organization: { id: organizations.id, name: organizations.name } })
    .from(calls)
    .innerJoin(
      trackingNumbers,
      and(eq(trackingNumbers.organizationId, calls.organizationId), eq(trackingNumbers.phoneNumber, calls.trackingNumber)),
    )
    .innerJoin(organizations, eq(organizations.id, calls.organizationId))
    .where(eq(calls.externalId, parentSid))
    .limit(1);
  return row ? { ...row.number, organization: row.organization } : null;
}

function empty() {
  return new Response(null, { status: 204 });
}

/**
 * POST /api/twilio/status — call status callbacks, both for the caller's call (the number's
 * "Call status changes" URL) and for the forwarded leg (`<Number statusCallback>`). The first
 * final status gives `call.completed`: completed → answered; no-answer, busy, failed, canceled →
 * missed. Duplicates and callbacks arriving after a later stage store nothing.
 */
export async function handleTwilioStatus(request: Request, deps: TwilioWebhookDeps): Promise<Response> {
  const verified = await verifyTwilioRequest(request, deps);
  if (!verified.ok) return verified.response;
  const { params } = verified;

  const parentSid = optional(params, "ParentCallSid");
  const callSid = parentSid ?? optional(params, "CallSid");
  const twilioStatus = optional(params, "CallStatus");
  const trackingNumber = callSid ? await resolveTrackingNumber(deps.db, request, params, parentSid) : null;
  if (!callSid || !trackingNumber) {
    console.warn(`[twilio] status callback for ${params.CallSid ?? "(no CallSid)"}: no call on a known tracking number`);
    return empty();
  }

  if (!twilioStatus || !terminalTwilioStatuses.includes(twilioStatus)) {
    // Progress (ringing, in-progress): moves the stored call forward, never back, and is not an event.
    const progress = engineCallStatus(twilioStatus ?? undefined);
    if (progress === "in_progress") {
      await deps.db
        .update(calls)
        .set({ status: "in_progress" })
        .where(
          and(
            eq(calls.organizationId, trackingNumber.organizationId),
            eq(calls.externalId, callSid),
            isNull(calls.endedAt),
            inArray(calls.status, ["ringing"]),
          ),
        );
    }
    return empty();
  }

  const isForwardedLeg = Boolean(parentSid);
  const reported = engineCallStatus(twilioStatus)!;
  await recordCallStage(deps, {
    trackingNumber,
    callSid,
    stage: "completed",
    caller: isForwardedLeg ? { ...callerFacts(params), country: null } : callerFacts(params),
    changes: (call) => {
      // The forwarded leg says whether the business picked up. For the caller's leg, the dial
      // action's outcome (when it came first) is more precise than the caller's own status.
      const earlier = !isForwardedLeg && call.status && dialOutcomes.includes(call.status) ? call.status : null;
      const status = (earlier as typeof reported | null) ?? reported;
      return {
        status,
        answered: status === "answered",
        durationSeconds: nonNegativeInt(params.CallDuration) ?? call.durationSeconds ?? 0,
        endedAt: twilioTimestamp(params.Timestamp) ?? new Date(),
        recordingUrl: optional(params, "RecordingUrl") ?? call.recordingUrl,
      };
    },
  });
  return empty();
}
