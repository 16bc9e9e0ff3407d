import { and, asc, eq, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events } from "@/db/schema";
import { inngest } from "./inngest-client";
import { eventReceived, runRequested } from "./inngest-events";
import type { Executor } from "../executor";

/**
 * With Inngest configured, committed events are sent to it; Inngest runs fan-out and the runs.
 * A send that fails leaves the event pending, and the sweep sends it again.
 */
export function createInngestExecutor(db: Database): Executor & { start(): void; stop(): Promise<void> } {
  let timer: ReturnType<typeof setInterval> | undefined;

  async function dispatchEvent(eventId: string) {
    try {
      // The event id doubles as Inngest's deduplication id: a re-send never fans out twice.
      await inngest.send({ name: eventReceived.name, data: { eventId }, id: eventId });
    } catch (error) {
      console.error(`[executor] could not hand event ${eventId} to Inngest; the sweep will retry`, error);
    }
  }

  async function dispatchRun(runId: string) {
    try {
      // Same deduplication id as fan-out uses: one run-workflow per run.
      await inngest.send({ name: runRequested.name, data: { runId }, id: `run-${runId}` });
    } catch (error) {
      console.error(`[executor] could not hand run ${runId} to Inngest`, error);
    }
  }

  async function sweep() {
    const stale = await db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.dispatchState, "pending"), lt(events.receivedAt, new Date(Date.now() - 60_000))))
      .orderBy(asc(events.receivedAt))
      .limit(200);
    for (const event of stale) await dispatchEvent(event.id);
  }

  return {
    dispatchEvent,
    dispatchRun,
    start() {
      timer = setInterval(() => void sweep().catch((error) => console.error("[executor] sweep failed", error)), 60_000);
      timer.unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
    },
  };
}
