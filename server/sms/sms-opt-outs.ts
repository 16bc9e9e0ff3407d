import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { smsOptOuts } from "@/db/schema";
import { callerNumberFrom } from "../phone-numbers/phone-number";

/** Carrier-standard keywords (Twilio's defaults, without the ambiguous "YES"). */
export const optOutKeywords = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"] as const;
export const optInKeywords = ["START", "UNSTOP"] as const;
export const helpKeywords = ["HELP", "INFO"] as const;

export type SmsKeyword = { kind: "opt_out"; keyword: string } | { kind: "opt_in"; keyword: string } | { kind: "help"; keyword: string };

/** A message that is exactly one of the keywords (any case, surrounding spaces and trailing punctuation ignored). */
export function smsKeyword(body: string): SmsKeyword | null {
  const word = body
    .trim()
    .replace(/[.!?]+$/, "")
    .trim()
    .toUpperCase();
  if ((optOutKeywords as readonly string[]).includes(word)) return { kind: "opt_out", keyword: word };
  if ((optInKeywords as readonly string[]).includes(word)) return { kind: "opt_in", keyword: word };
  if ((helpKeywords as readonly string[]).includes(word)) return { kind: "help", keyword: word };
  return null;
}

/** Records STOP / START; HELP changes nothing. Returns what it did. */
export async function applySmsKeyword(
  db: Queryable,
  input: { organizationId: string; phoneNumber: string; body: string; at?: Date },
): Promise<SmsKeyword | null> {
  const keyword = smsKeyword(input.body);
  if (!keyword || keyword.kind === "help") return keyword;
  const phoneNumber = callerNumberFrom(input.phoneNumber).number;
  if (keyword.kind === "opt_out") {
    const optedOutAt = input.at ?? new Date();
    await db
      .insert(smsOptOuts)
      .values({ organizationId: input.organizationId, phoneNumber, keyword: keyword.keyword, optedOutAt })
      .onConflictDoUpdate({ target: [smsOptOuts.organizationId, smsOptOuts.phoneNumber], set: { keyword: keyword.keyword, optedOutAt } });
  } else {
    await db.delete(smsOptOuts).where(and(eq(smsOptOuts.organizationId, input.organizationId), eq(smsOptOuts.phoneNumber, phoneNumber)));
  }
  return keyword;
}

/** True when this person texted STOP (or similar) to the organization and has not texted START since. Call before sending a text. */
export async function isOptedOut(db: Queryable, organizationId: string, phoneNumber: string): Promise<boolean> {
  const normalized = callerNumberFrom(phoneNumber).number;
  const [row] = await db
    .select({ id: smsOptOuts.id })
    .from(smsOptOuts)
    .where(and(eq(smsOptOuts.organizationId, organizationId), eq(smsOptOuts.phoneNumber, normalized)))
    .limit(1);
  return Boolean(row);
}
