import type { Queryable } from "@/db/client";
import { createSmsSenderWith, type SmsSender } from "./sms-sender";

/**
 * With no Twilio account configured, the outbox is the delivery: each text becomes a
 * `simulated` row (shown on the Outbox page) and one line in the server log.
 */
export function createOutboxSmsSender(db: Queryable, log: (line: string) => void = console.info): SmsSender {
  return createSmsSenderWith(
    {
      provider: "outbox",
      async deliver(message) {
        log(`[outbox] sms to ${message.to} from ${message.from}: ${message.body}`);
        return { status: "simulated" };
      },
    },
    db,
  );
}
