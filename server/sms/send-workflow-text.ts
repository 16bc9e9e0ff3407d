import type { Database } from "@/db/client";
import { deliveredUnderKey } from "../outbox/outbox-delivery";
import { whyNotText, type TextRefusal } from "./may-text-caller";
import { releaseSmsDailyCap } from "./sms-daily-cap";

export type WorkflowText = { organizationId: string; to: string; idempotencyKey: string };
export type TextSent = { status: string; providerMessageId?: string; outboxId?: string };

/**
 * A workflow's text, sent at most once per idempotency key and never past the daily cap or to
 * someone who opted out. A text already sent under its key (the step's result was lost and the
 * step runs again) is answered from the outbox before anything is checked: it counted when it went
 * out, and refusing it now would mark a delivered text as failed. Otherwise `send` runs while
 * the text holds its place under the cap.
 */
export async function sendWorkflowText(
  db: Database,
  text: WorkflowText,
  dailyLimit: number,
  send: () => Promise<TextSent>,
): Promise<{ sent: TextSent } | { refused: TextRefusal }> {
  const earlier = await deliveredUnderKey(db, text.idempotencyKey, text.organizationId);
  if (earlier) return { sent: { status: earlier.status, providerMessageId: earlier.providerMessageId ?? undefined, outboxId: earlier.id } };

  const refused = await whyNotText(db, text, dailyLimit);
  if (refused) return { refused };
  try {
    return { sent: await send() };
  } finally {
    await releaseSmsDailyCap(db, text.idempotencyKey);
  }
}
