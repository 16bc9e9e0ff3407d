import type { Queryable } from "@/db/client";
import { isOptedOut } from "./sms-opt-outs";

export const optedOutMessage = "This caller replied STOP, so Switchboard won't text them. They can reply START to opt back in.";

export type TextRefusal = { message: string; code: "sms_opted_out" | "sms_daily_cap" };

/**
 * May a workflow text this caller now? Not when they replied STOP (and have not replied START
 * since), nor once the organization has sent them `dailyCap.limit` workflow texts in the last
 * 24 hours (the cost guard). Null when it may; otherwise why not, in words, with a code.
 */
export async function whyNotText(
  db: Queryable,
  input: { organizationId: string; to: string },
  dailyCap: { sentToday(organizationId: string, to: string): Promise<number>; limit: number },
): Promise<TextRefusal | null> {
  if (await isOptedOut(db, input.organizationId, input.to)) return { message: optedOutMessage, code: "sms_opted_out" };
  const sentToday = await dailyCap.sentToday(input.organizationId, input.to);
  if (sentToday >= dailyCap.limit) {
    return { message: `Already texted ${input.to} ${sentToday} times today (daily limit ${dailyCap.limit}).`, code: "sms_daily_cap" };
  }
  return null;
}
