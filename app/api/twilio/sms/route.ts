import { runTwilioWebhook } from "@/server/call-tracking/twilio/runtime-deps";
import { handleTwilioSms } from "@/server/call-tracking/twilio/sms-webhook";

export const runtime = "nodejs";

export function POST(request: Request) {
  return runTwilioWebhook("sms", request, handleTwilioSms);
}
