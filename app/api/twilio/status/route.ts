import { runTwilioWebhook } from "@/server/call-tracking/twilio/runtime-deps";
import { handleTwilioStatus } from "@/server/call-tracking/twilio/status-webhook";

export const runtime = "nodejs";

export function POST(request: Request) {
  return runTwilioWebhook("status", request, handleTwilioStatus);
}
