import type { Database } from "@/db/client";
import type { AppConfig } from "@/server/config/app-config";
import type { Executor } from "@/server/execution/executor";

/** What every Twilio webhook handler needs; routes build it from the server runtime, tests directly. */
export type TwilioWebhookDeps = {
  db: Database;
  executor: Executor;
  config: Pick<AppConfig, "appUrl" | "sms">;
};
