import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events, workflowRuns } from "@/db/schema";
import { eventReceived, runRequested, smsSenderKey, type FairnessKeys } from "./inngest-events";

export type OutgoingInngestEvent = { name: string; data: Record<string, unknown>; id: string };

/** `inngest.send` with many events in one request (a fake in tests). */
export type SendToInngest = (batch: OutgoingInngestEvent[]) => Promise<unknown>;

type HandOff = { kind: "event" | "run"; id: string; sendId: string; settle: (handedOff: boolean) => void };

/**
 * Hands committed events and runs to Inngest in the background: `enqueue` returns at once (its
 * promise says later whether Inngest took it), and one sender at a time sends whatever has queued
 * as one `send` of up to `maxBatch` events, looking up the fairness keys for the whole batch in one
 * query per kind. A failed send is only logged: whatever it carried stays pending or queued in the
 * database, and the sweep hands it over again.
 */
export function createInngestHandOff(options: {
  db: Database;
  send: SendToInngest;
  maxBatch?: number;
  log?: (message: string, error: unknown) => void;
}) {
  const { db, send } = options;
  const maxBatch = options.maxBatch ?? 100;
  const log = options.log ?? ((message: string, error: unknown) => console.error(`[executor] ${message}`, error));
  const queue: HandOff[] = [];
  let sending: Promise<void> | null = null;

  async function sendQueued() {
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      let handedOff = new Set<HandOff>();
      try {
        const outgoing = await outgoingEventsFor(db, batch);
        if (outgoing.size > 0) await send([...new Map([...outgoing.values()].map((event) => [event.id, event])).values()]);
        handedOff = new Set(outgoing.keys());
      } catch (error) {
        log(`could not hand ${batch.length} event(s) to Inngest; the sweep will send them again`, error);
      }
      for (const item of batch) item.settle(handedOff.has(item));
    }
  }

  function startSending() {
    // After the caller's response: the sender never runs inside the request that enqueued.
    sending ??= new Promise<void>((resolve) => setImmediate(resolve)).then(sendQueued).finally(() => {
      sending = null;
      if (queue.length > 0) startSending();
    });
  }

  return {
    /** Queues one hand-off; resolves true once Inngest accepted it, false if the send failed or there was nothing to send. */
    enqueue(kind: HandOff["kind"], id: string, sendId: string): Promise<boolean> {
      return new Promise<boolean>((settle) => {
        queue.push({ kind, id, sendId, settle });
        startSending();
      });
    },
    /** Resolves once everything queued so far has been sent or given up on. */
    async idle() {
      while (sending) await sending;
    },
  };
}

async function outgoingEventsFor(db: Database, batch: HandOff[]): Promise<Map<HandOff, OutgoingInngestEvent>> {
  const eventIds = batch.filter((item) => item.kind === "event").map((item) => item.id);
  const runIds = batch.filter((item) => item.kind === "run").map((item) => item.id);
  const trackingNumber = sql<string | null>`${events.payload}->'tracking_number'->>'phone_number'`;
  const [eventRows, runRows] = await Promise.all([
    eventIds.length === 0
      ? []
      : db
          .select({
            id: events.id,
            organizationId: events.organizationId,
            callerNumber: sql<string | null>`${events.payload}->'caller'->>'phone_number'`,
            trackingNumber,
          })
          .from(events)
          .where(inArray(events.id, eventIds)),
    runIds.length === 0
      ? []
      : db
          .select({
            id: workflowRuns.id,
            organizationId: workflowRuns.organizationId,
            callerNumber: workflowRuns.callerNumber,
            trackingNumber,
          })
          .from(workflowRuns)
          .innerJoin(events, eq(events.id, workflowRuns.eventId))
          .where(inArray(workflowRuns.id, runIds)),
  ]);
  const keysOf = (row: { organizationId: string; callerNumber: string | null; trackingNumber: string | null }): FairnessKeys => ({
    organizationId: row.organizationId,
    callerNumber: row.callerNumber,
    smsSender: smsSenderKey(row.organizationId, row.trackingNumber),
  });
  const eventKeys = new Map(eventRows.map((row) => [row.id, keysOf(row)]));
  const runKeys = new Map(runRows.map((row) => [row.id, keysOf(row)]));

  const outgoing = new Map<HandOff, OutgoingInngestEvent>();
  for (const item of batch) {
    const keys = (item.kind === "event" ? eventKeys : runKeys).get(item.id);
    if (!keys) continue; // deleted since it was queued: nothing to run
    outgoing.set(
      item,
      item.kind === "event"
        ? { name: eventReceived.name, data: { eventId: item.id, ...keys }, id: item.sendId }
        : { name: runRequested.name, data: { runId: item.id, ...keys }, id: item.sendId },
    );
  }
  return outgoing;
}
