import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, executors } from "@/db/schema";
import { recordEvent } from "@/server/events/record-events";
import { missedCall } from "@/test-support/call-events";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { checkHealth } from "./check-health";

const handle = setupTestDatabase();
const config = testConfig();
const now = new Date("2026-12-01T12:00:00Z");

describe("the health check", () => {
  it("is ok while the database answers, nothing waits and the executor beats and sweeps", async () => {
    await handle.db.insert(executors).values([
      { id: "exe_this", host: "a", pid: 1, startedAt: now, heartbeatAt: new Date(now.getTime() - 2_000) },
      { id: "exe_other", host: "b", pid: 2, startedAt: now, heartbeatAt: new Date(now.getTime() - 1_000) },
      { id: "exe_gone", host: "c", pid: 3, startedAt: now, heartbeatAt: new Date(now.getTime() - 60_000) },
    ]);
    const report = await checkHealth({
      db: handle.db,
      executor: {
        kind: "embedded",
        lastSweepAt: () => new Date(now.getTime() - 5_000),
        heartbeat: () => ({ executorId: "exe_this", lastBeatAt: new Date(now.getTime() - 2_000) }),
      },
      now: () => now,
    });
    expect(report).toMatchObject({
      status: "ok",
      database: { reachable: true },
      executor: { kind: "embedded", lastSweepAgeSeconds: 5, id: "exe_this", lastHeartbeatAgeSeconds: 2, liveExecutors: 2 },
      oldestPendingEventAgeSeconds: null,
    });

    const silent = await checkHealth({
      db: handle.db,
      executor: {
        kind: "embedded",
        lastSweepAt: () => now,
        heartbeat: () => ({ executorId: "exe_this", lastBeatAt: new Date(now.getTime() - 30_000) }),
      },
      now: () => now,
    });
    expect(silent).toMatchObject({ status: "degraded", executor: { lastHeartbeatAgeSeconds: 30 } });
  });

  it("is degraded when an accepted event waits too long, or the embedded executor has not swept", async () => {
    const { organization } = await createUserWithOrg(handle.db, config, "Health");
    const { eventId } = await recordEvent(handle.db, { organization, source: "api", idempotencyKey: "health-1", event: missedCall() });
    await handle.db
      .update(events)
      .set({ receivedAt: new Date(now.getTime() - 120_000) })
      .where(eq(events.id, eventId));

    const waiting = await checkHealth({ db: handle.db, executor: { kind: "embedded", lastSweepAt: () => now }, now: () => now });
    expect(waiting).toMatchObject({ status: "degraded", oldestPendingEventAgeSeconds: 120 });

    await handle.db.update(events).set({ dispatchState: "dispatched" }).where(eq(events.id, eventId));
    const neverSwept = await checkHealth({ db: handle.db, executor: { kind: "embedded", lastSweepAt: () => null }, now: () => now });
    expect(neverSwept).toMatchObject({ status: "degraded", executor: { lastSweepAt: null } });
    const onInngest = await checkHealth({ db: handle.db, executor: { kind: "inngest" }, now: () => now });
    expect(onInngest.status).toBe("ok");
  });

  it("is down, with the reason, when the database fails or does not answer in time", async () => {
    const failing = new Proxy(handle.db, {
      get: (target, property) =>
        property === "execute"
          ? () =>
              Promise.reject(
                Object.assign(new Error("Failed query: select (select min(received_at) from events …"), {
                  cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
                }),
              )
          : Reflect.get(target, property),
    });
    const refused = await checkHealth({ db: failing, executor: { kind: "embedded", lastSweepAt: () => now }, now: () => now });
    expect(refused).toMatchObject({ status: "down", database: { reachable: false, error: "connect ECONNREFUSED 127.0.0.1:5432" } });

    const hanging = new Proxy(handle.db, {
      get: (target, property) => (property === "execute" ? () => new Promise(() => {}) : Reflect.get(target, property)),
    });
    const silent = await checkHealth({
      db: hanging,
      executor: { kind: "embedded", lastSweepAt: () => now },
      now: () => now,
      timeoutMs: 50,
    });
    expect(silent).toMatchObject({ status: "down", database: { reachable: false, error: "no answer within 50 ms" } });
  });
});
