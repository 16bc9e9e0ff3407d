import type { Database } from "@/db/client";
import { reserveSmsDailyCap } from "./sms-daily-cap";
import { isOptedOut } from "./sms-opt-outs";

export const optedOutMessage = "This caller replied STOP, so Switchboard won't text them. They can reply START to opt back in.";

export type TextRefusal = { message: string; code: "sms_opted_out" | "sms_daily_cap" };

/**
 * May a workflow text this caller now? Not when they replied STOP (and have not replied START
 * since), nor once the organization has sent them `dailyLimit` workflow texts in the last 24
 * hours (the cost guard). Null when it may: the text then holds its place under the cap until
 * `releaseSmsDailyCap(db, text.idempotencyKey)`. Otherwise why not, in words, with a code.
 */
export async function whyNotText(
  db: Database,
  text: { organizationId: string; to: string; idempotencyKey: string },
  dailyLimit: number,
): Promise<TextRefusal | null> {
  if (await isOptedOut(db, text.organizationId, text.to)) return { message: optedOutMessage, code: "sms_opted_out" };
  const cap = await reserveSmsDailyCap(db, { ...text, limit: dailyLimit });
  if (!cap.allowed) {
    return { message: `Already texted ${text.to} ${cap.sentToday} times today (daily limit ${cap.limit}).`, code: "sms_daily_cap" };
  }
  return null;
}
