import twilio from "twilio";
import { findTrackingNumber } from "../tracking-number-lookup";
import { recordCallStage } from "./call-lifecycle";
import { callerFacts } from "./twilio-params";
import type { TwilioWebhookDeps } from "./twilio-webhook-deps";
import { engineCallStatus, optional, twimlResponse, verifyTwilioRequest } from "./verify-twilio-request";

/**
 * POST /api/twilio/dial-action — Twilio calls the `<Dial action>` when forwarding finished
 * (DialCallStatus: completed/answered, no-answer, busy, failed, canceled). Records `call.routed`
 * and ends the call.
 */
export async function handleTwilioDialAction(request: Request, deps: TwilioWebhookDeps): Promise<Response> {
  const verified = await verifyTwilioRequest(request, deps);
  if (!verified.ok) return verified.response;
  const { params } = verified;
  const response = new twilio.twiml.VoiceResponse();
  response.hangup();

  const callSid = optional(params, "CallSid");
  const trackingNumber = await findTrackingNumber(deps.db, params.To ?? params.Called);
  if (!callSid || !trackingNumber) {
    console.warn(`[twilio] dial action for ${params.To ?? "(no number)"}: not a tracking number of any organization`);
    return twimlResponse(response.toString());
  }

  const status = engineCallStatus(optional(params, "DialCallStatus") ?? undefined) ?? "failed";
  await recordCallStage(deps, {
    trackingNumber,
    callSid,
    stage: "routed",
    caller: callerFacts(params),
    changes: () => ({ status, answered: status === "answered" }),
    routing: () => ({ destinationPhoneNumber: trackingNumber.businessNumber, routedAt: new Date() }),
  });
  return twimlResponse(response.toString());
}
