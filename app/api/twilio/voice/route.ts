import { runTwilioWebhook } from "@/server/call-tracking/twilio/runtime-deps";
import { handleTwilioVoice } from "@/server/call-tracking/twilio/voice-webhook";

export const runtime = "nodejs";

export function POST(request: Request) {
  return runTwilioWebhook("voice", request, handleTwilioVoice);
}
