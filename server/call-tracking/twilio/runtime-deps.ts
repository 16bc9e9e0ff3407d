import { getAppConfig } from "@/server/config/app-config";
import { getDb } from "@/server/db";
import { getExecutor } from "@/server/execution/execution-runtime";
import type { TwilioWebhookDeps } from "./twilio-webhook-deps";

/** The server's database, executor and configuration, for the webhook routes. */
export async function runtimeWebhookDeps(): Promise<TwilioWebhookDeps> {
  return { db: await getDb(), executor: await getExecutor(), config: getAppConfig() };
}

/** Runs a webhook handler; an unexpected failure answers 503 (Twilio retries or uses its fallback URL) and stores nothing partial. */
export async function runTwilioWebhook(
  name: string,
  request: Request,
  handler: (request: Request, deps: TwilioWebhookDeps) => Promise<Response>,
) {
  try {
    return await handler(request, await runtimeWebhookDeps());
  } catch (error) {
    console.error(`[twilio] ${name} webhook failed`, error);
    return new Response("Switchboard could not process this request right now; please retry.", {
      status: 503,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
}
