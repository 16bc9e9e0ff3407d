import { eq, sql } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { outboxMessages, smsTextsInFlight } from "@/db/schema";
import { normalizePhoneNumber } from "../phone-numbers/phone-number";

export const DEFAULT_SMS_DAILY_LIMIT = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

export type SmsDailyCapResult =
  { allowed: true; sentToday: number; limit: number } | { allowed: false; sentToday: number; limit: number; message: string };

function capTarget(options: { to: string; now?: Date }) {
  const normalized = normalizePhoneNumber(options.to);
  const now = options.now ?? new Date();
  return { to: normalized.ok ? normalized.number : options.to, since: new Date(now.getTime() - DAY_MS) };
}

/**
 * Workflow texts this organization sent (or simulated) to this number since `since`, and those
 * being sent right now, each counted once; `excludingKey` leaves out the text about to be sent.
 */
async function textsCounted(db: Queryable, organizationId: string, to: string, since: Date, excludingKey = ""): Promise<number> {
  const [row] = await queryRows<{ texts: number | string }>(
    db,
    sql`select count(*) as texts from (
      select coalesce(${outboxMessages.idempotencyKey}, ${outboxMessages.id}) as text_key from ${outboxMessages}
      where ${outboxMessages.organizationId} = ${organizationId} and ${outboxMessages.channel} = 'sms'
        and ${outboxMessages.category} = 'workflow' and ${outboxMessages.to} = ${to}
        and ${outboxMessages.status} in ('sent', 'simulated') and ${outboxMessages.createdAt} > ${since.toISOString()}::timestamptz
      union
      select ${smsTextsInFlight.idempotencyKey} from ${smsTextsInFlight}
      where ${smsTextsInFlight.organizationId} = ${organizationId} and ${smsTextsInFlight.to} = ${to}
        and ${smsTextsInFlight.startedAt} > ${since.toISOString()}::timestamptz
    ) as texts
    where text_key <> ${excludingKey}`,
  );
  return Number(row?.texts ?? 0);
}

function verdict(sentToday: number, limit: number): SmsDailyCapResult {
  if (sentToday < limit) return { allowed: true, sentToday, limit };
  return {
    allowed: false,
    sentToday,
    limit,
    message: `Already texted this caller ${limit} ${limit === 1 ? "time" : "times"} today (daily limit)`,
  };
}

/**
 * The cost guard: how many workflow texts this organization sent (or simulated, or is sending
 * now) to this number in the last 24 hours, and whether one more is allowed. A loop or a flood
 * of calls must not run up an SMS bill.
 */
export async function checkSmsDailyCap(
  db: Queryable,
  options: { organizationId: string; to: string; limit?: number; now?: Date },
): Promise<SmsDailyCapResult> {
  const { to, since } = capTarget(options);
  return verdict(await textsCounted(db, options.organizationId, to, since), options.limit ?? DEFAULT_SMS_DAILY_LIMIT);
}

/**
 * Takes a place under the cap for the text with this idempotency key, or says why not. Counting
 * and taking happen under a transaction-scoped advisory lock per organization and number, so
 * concurrent sends (in any process) to one number never exceed the limit. A text that already
 * holds a place (its earlier attempt was cut short) keeps it. Release it with
 * `releaseSmsDailyCap` when the attempt ends.
 */
export async function reserveSmsDailyCap(
  db: Database,
  options: { organizationId: string; to: string; idempotencyKey: string; limit?: number; now?: Date },
): Promise<SmsDailyCapResult> {
  const { to, since } = capTarget(options);
  const limit = options.limit ?? DEFAULT_SMS_DAILY_LIMIT;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sms-daily-cap ${options.organizationId} ${to}`}, 0))`);
    const result = verdict(await textsCounted(tx, options.organizationId, to, since, options.idempotencyKey), limit);
    if (result.allowed) {
      await tx
        .insert(smsTextsInFlight)
        .values({ idempotencyKey: options.idempotencyKey, organizationId: options.organizationId, to })
        .onConflictDoUpdate({ target: smsTextsInFlight.idempotencyKey, set: { startedAt: sql`now()` } });
    }
    return result;
  });
}

/** The attempt ended: a text that went out now counts through its outbox row, one that failed not at all. */
export async function releaseSmsDailyCap(db: Queryable, idempotencyKey: string): Promise<void> {
  await db.delete(smsTextsInFlight).where(eq(smsTextsInFlight.idempotencyKey, idempotencyKey));
}
