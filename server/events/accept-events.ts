import type { Database, Transaction } from "@/db/client";
import type { Executor } from "../execution/executor";
import { batchedEventRecorder } from "./batched-event-recorder";
import { recordEvent, type EventToRecord, type RecordedEvent } from "./record-events";

/**
 * Where accepted events go: the executor, or — for events recorded from inside a run, which has
 * no executor at hand (`sms.sent`) — nowhere yet: they stay pending and the executor's sweep
 * picks them up.
 */
export type EventIntake = { db: Database; executor: Executor | null };

export type RecordInTransaction = (input: EventToRecord) => Promise<RecordedEvent>;

/**
 * The one way events come in (REST ingest, CallRail, Twilio calls and texts, the simulator,
 * `sms.sent`). Events are stored once per (organization, idempotency key), and only once that
 * write has committed are the new ones handed to the executor; a duplicate is not dispatched
 * again (it was when it was first accepted, and the sweep covers a dispatch that was lost).
 *
 * - A list: stored whole or not at all, in one statement shared with concurrent callers (group
 *   commit; REST ingest under load depends on it). Results are in the order given.
 * - A function: it runs in one transaction with whatever else the way in stores beside its
 *   events (the call row, an opt-out…), recording them with `record`; nothing is dispatched
 *   unless that transaction commits. Its result is returned.
 */
export async function acceptEvents(intake: EventIntake, events: EventToRecord[]): Promise<RecordedEvent[]>;
export async function acceptEvents<T>(intake: EventIntake, work: (record: RecordInTransaction, tx: Transaction) => Promise<T>): Promise<T>;
export async function acceptEvents<T>(
  intake: EventIntake,
  input: EventToRecord[] | ((record: RecordInTransaction, tx: Transaction) => Promise<T>),
): Promise<RecordedEvent[] | T> {
  if (Array.isArray(input)) {
    const recorded = await batchedEventRecorder(intake.db)(input);
    await dispatchNew(intake, recorded);
    return recorded;
  }
  const recorded: RecordedEvent[] = [];
  const result = await intake.db.transaction((tx) =>
    input(async (event) => {
      const outcome = await recordEvent(tx, event);
      recorded.push(outcome);
      return outcome;
    }, tx),
  );
  await dispatchNew(intake, recorded);
  return result;
}

/** Executors only queue the hand-off (see Executor.dispatchEvent), so this never waits on a remote backend. */
async function dispatchNew(intake: EventIntake, recorded: RecordedEvent[]) {
  const { executor } = intake;
  if (!executor) return;
  await Promise.all(recorded.filter((event) => !event.duplicate).map((event) => executor.dispatchEvent(event.eventId)));
}
