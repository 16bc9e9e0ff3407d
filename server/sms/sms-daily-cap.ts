import { and, count, eq, gt, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { normalizePhoneNumber } from "../phone-numbers/phone-number";

export const DEFAULT_SMS_DAILY_LIMIT = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

export type SmsDailyCapResult =
  { allowed: true; sentToday: number; limit: number } | { allowed: false; sentToday: number; limit: number; message: string };

/**
 * The cost guard: how many workflow texts this organization sent (or simulated) to this number
 * in the last 24 hours, and whether one more is allowed. A loop or a flood of calls must not
 * run up an SMS bill.
 */
export async function checkSmsDailyCap(
  db: Queryable,
  options: { organizationId: string; to: string; limit?: number; now?: Date },
): Promise<SmsDailyCapResult> {
  const limit = options.limit ?? DEFAULT_SMS_DAILY_LIMIT;
  const now = options.now ?? new Date();
  const normalized = normalizePhoneNumber(options.to);
  const to = normalized.ok ? normalized.number : options.to;

  const [row] = await db
    .select({ sent: count() })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.organizationId, options.organizationId),
        eq(outboxMessages.channel, "sms"),
        eq(outboxMessages.category, "workflow"),
        eq(outboxMessages.to, to),
        inArray(outboxMessages.status, ["sent", "simulated"]),
        gt(outboxMessages.createdAt, new Date(now.getTime() - DAY_MS)),
      ),
    );
  const sentToday = Number(row?.sent ?? 0);
  if (sentToday < limit) return { allowed: true, sentToday, limit };
  return {
    allowed: false,
    sentToday,
    limit,
    message: `Already texted this caller ${limit} ${limit === 1 ? "time" : "times"} today (daily limit)`,
  };
}
