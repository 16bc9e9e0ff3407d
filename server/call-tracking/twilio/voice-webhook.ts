import twilio from "twilio";
import { findTrackingNumber } from "../tracking-number-lookup";
import { twilioDialActionUrl, twilioWebhookUrls } from "../webhook-urls";
import { recordCallStage } from "./call-lifecycle";
import { callerFacts } from "./twilio-params";
import type { TwilioWebhookDeps } from "./twilio-webhook-deps";
import { optional, twimlResponse, verifyTwilioRequest } from "./verify-twilio-request";

/**
 * POST /api/twilio/voice — "A call comes in". Records `call.started` and answers TwiML that
 * forwards the call to the tracking number's business number; the dial action and the leg's
 * status callback report how it went.
 */
export async function handleTwilioVoice(request: Request, deps: TwilioWebhookDeps): Promise<Response> {
  const verified = await verifyTwilioRequest(request, deps);
  if (!verified.ok) return verified.response;
  const { params } = verified;
  const response = new twilio.twiml.VoiceResponse();

  const callSid = optional(params, "CallSid");
  const trackingNumber = await findTrackingNumber(deps.db, params.To ?? params.Called);
  if (!callSid || !trackingNumber) {
    console.warn(`[twilio] incoming call to ${params.To ?? "(no number)"}: not a tracking number of any organization`);
    response.say("Sorry, the number you have called is not in service. Goodbye.");
    response.hangup();
    return twimlResponse(response.toString());
  }

  await recordCallStage(deps, { trackingNumber, callSid, stage: "started", caller: callerFacts(params), changes: () => ({}) });

  const dial = response.dial({ answerOnBridge: true, action: twilioDialActionUrl(deps.config.appUrl), method: "POST" });
  // The forwarded leg's callbacks are addressed to the business number; the (signed) query says
  // which tracking number the call came in on, so the status handler finds the call by its index.
  const statusCallback = `${twilioWebhookUrls(deps.config.appUrl).statusCallbackUrl}?${new URLSearchParams({ tracking_number: trackingNumber.phoneNumber })}`;
  dial.number({ statusCallback, statusCallbackMethod: "POST", statusCallbackEvent: ["completed"] }, trackingNumber.businessNumber);
  return twimlResponse(response.toString());
}
