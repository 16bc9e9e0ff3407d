import type { Queryable } from "@/db/client";
import { createOutboxSmsSender } from "./outbox-sms-sender";
import type { SmsSender } from "./sms-sender";
import { createTwilioSmsSender, type TwilioSmsConfig } from "./twilio-sms-sender";

/** Twilio when an account is configured; otherwise texts go to the outbox only. */
export function createSmsSender(twilio: TwilioSmsConfig | null | undefined, db: Queryable): SmsSender {
  return twilio ? createTwilioSmsSender(twilio, db) : createOutboxSmsSender(db);
}
