import { and, count, eq, lt, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { calls } from "@/db/schema";

/**
 * How many calls this caller made to the organization before `before` (the index on
 * (organization, caller number, started_at) makes this cheap). Withheld numbers count as new, and
 * simulated calls are not part of anyone's history.
 */
export async function countPriorCalls(
  db: Queryable,
  input: { organizationId: string; callerNumber: string; before: Date; excludeCallId?: string; validNumber?: boolean },
): Promise<number> {
  if (input.validNumber === false) return 0;
  const [row] = await db
    .select({ value: count() })
    .from(calls)
    .where(
      and(
        eq(calls.organizationId, input.organizationId),
        eq(calls.callerNumber, input.callerNumber),
        lt(calls.startedAt, input.before),
        eq(calls.simulated, false),
        input.excludeCallId ? ne(calls.id, input.excludeCallId) : undefined,
      ),
    );
  return Number(row?.value ?? 0);
}
