import { handleTwilioDialAction } from "@/server/call-tracking/twilio/dial-action-webhook";
import { runTwilioWebhook } from "@/server/call-tracking/twilio/runtime-deps";

export const runtime = "nodejs";

export function POST(request: Request) {
  return runTwilioWebhook("dial-action", request, handleTwilioDialAction);
}
