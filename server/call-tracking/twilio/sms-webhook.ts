import twilio from "twilio";
import { workflowEventSchema } from "@/engine";
import { acceptEvents } from "@/server/events/accept-events";
import { countPriorCalls } from "@/server/events/caller-history";
import { applySmsKeyword } from "@/server/sms/sms-opt-outs";
import { callerNumberFrom } from "@/server/phone-numbers/phone-number";
import { findTrackingNumber } from "../tracking-number-lookup";
import { nonNegativeInt } from "./twilio-params";
import type { TwilioWebhookDeps } from "./twilio-webhook-deps";
import { optional, twimlResponse, verifyTwilioRequest } from "./verify-twilio-request";

const MAX_MEDIA = 20;

/**
 * POST /api/twilio/sms — "A message comes in". Records `sms.received` (body and media links);
 * STOP, UNSUBSCRIBE, CANCEL, END, QUIT… opt the sender out of the organization's texts, START
 * or UNSTOP opt them back in. Answers empty TwiML: replies are up to workflows (and Twilio's
 * own opt-out confirmations).
 */
export async function handleTwilioSms(request: Request, deps: TwilioWebhookDeps): Promise<Response> {
  const verified = await verifyTwilioRequest(request, deps);
  if (!verified.ok) return verified.response;
  const { params } = verified;
  const reply = twimlResponse(new twilio.twiml.MessagingResponse().toString());

  const messageSid = optional(params, "MessageSid") ?? optional(params, "SmsSid");
  const trackingNumber = await findTrackingNumber(deps.db, params.To);
  if (!messageSid || !trackingNumber) {
    console.warn(`[twilio] text to ${params.To ?? "(no number)"}: not a tracking number of any organization`);
    return reply;
  }

  const from = callerNumberFrom(params.From);
  const body = params.Body ?? "";
  const mediaCount = Math.min(nonNegativeInt(params.NumMedia) ?? 0, MAX_MEDIA);
  const mediaUrls = Array.from({ length: mediaCount }, (_, index) => params[`MediaUrl${index}`]).filter((url): url is string =>
    Boolean(url),
  );
  const organizationId = trackingNumber.organizationId;
  const now = new Date();

  await acceptEvents(deps, async (record, tx) => {
    const priorCalls = await countPriorCalls(tx, { organizationId, callerNumber: from.number, before: now, validNumber: from.valid });
    const event = workflowEventSchema.parse({
      type: "sms.received",
      id: "pending",
      created_at: now.toISOString(),
      organization: trackingNumber.organization,
      message: { id: messageSid, body: body.slice(0, 10_000), media_urls: mediaUrls, direction: "inbound" },
      caller: {
        phone_number: from.number,
        city: optional(params, "FromCity"),
        state: optional(params, "FromState"),
        country: optional(params, "FromCountry"),
        first_call: priorCalls === 0,
        prior_calls: priorCalls,
      },
      tracking_number: {
        phone_number: trackingNumber.phoneNumber,
        label: trackingNumber.label,
        business_phone_number: trackingNumber.businessNumber,
      },
      attribution: { source: trackingNumber.source },
    });
    const result = await record({
      organization: trackingNumber.organization,
      source: "twilio",
      idempotencyKey: `${messageSid}:received`,
      event,
    });
    // A repeated delivery of the same message must not replay an old STOP after a newer START.
    if (!result.duplicate) await applySmsKeyword(tx, { organizationId, phoneNumber: from.number, body, at: now });
  });
  return reply;
}
