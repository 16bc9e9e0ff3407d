import { and, asc, eq, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events, workflowRuns } from "@/db/schema";
import type { Executor } from "../executor";
import { handOffId, runRequestId } from "./hand-off-ids";
import { createInngestHandOff, type SendToInngest } from "./inngest-hand-off";
import { stalledRunMs, stalledSince } from "./stalled-runs";

/** How often the sweep looks for events and runs Inngest never got, or dropped. */
const sweepIntervalMs = 60_000;

/**
 * With Inngest configured, committed events are handed to it in the background, in batches; Inngest
 * runs fan-out and the runs. The sweep is the safety net: events still pending after a minute, and
 * runs stalled for `stalledRunMs`, are sent again under ids Inngest has not seen (see handOffId).
 */
export function createInngestExecutor(
  db: Database,
  options: { send?: SendToInngest; now?: () => Date; log?: (message: string, error: unknown) => void } = {},
): Executor & {
  dispatchRun(runId: string): Promise<boolean>;
  start(): void;
  stop(): Promise<void>;
  sweep(): Promise<void>;
  idle(): Promise<void>;
} {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string, error: unknown) => console.error(`[executor] ${message}`, error));
  const send: SendToInngest = options.send ?? (async (batch) => (await import("./inngest-client")).inngest.send(batch));
  const handOff = createInngestHandOff({ db, send, log });
  let timer: ReturnType<typeof setInterval> | undefined;
  let lastSweepAt: Date | null = null;

  async function sweep() {
    const current = now();
    const pending = await db
      .select({ id: events.id, receivedAt: events.receivedAt })
      .from(events)
      .where(and(eq(events.dispatchState, "pending"), lt(events.receivedAt, new Date(current.getTime() - 60_000))))
      .orderBy(asc(events.receivedAt))
      .limit(500);
    for (const event of pending) void handOff.enqueue("event", event.id, handOffId(event.id, event.receivedAt, current));

    const stalled = await db
      .select({ id: workflowRuns.id, createdAt: workflowRuns.createdAt })
      .from(workflowRuns)
      .where(stalledSince(new Date(current.getTime() - stalledRunMs)))
      .orderBy(asc(workflowRuns.createdAt))
      .limit(500);
    for (const run of stalled) void handOff.enqueue("run", run.id, handOffId(runRequestId(run.id), run.createdAt, current));
    await handOff.idle();
    lastSweepAt = now();
  }

  return {
    async dispatchEvent(eventId: string) {
      // The event id doubles as Inngest's deduplication id: a repeated first send never fans out twice.
      void handOff.enqueue("event", eventId, eventId);
    },
    async dispatchRun(runId: string) {
      return handOff.enqueue("run", runId, runRequestId(runId));
    },
    sweep,
    idle: () => handOff.idle(),
    lastSweepAt: () => lastSweepAt,
    start() {
      timer = setInterval(() => void sweep().catch((error) => log("sweep failed", error)), sweepIntervalMs);
      timer.unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await handOff.idle();
    },
  };
}
