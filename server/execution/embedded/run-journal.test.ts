import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createRunJournal } from "./run-journal";
import type { StepWriter } from "./step-writer";

type Written = Parameters<StepWriter["write"]>[0];

function journalFor(nodeKinds: Record<string, string>) {
  const writes: Written[] = [];
  const writer: StepWriter = { write: async (write) => void writes.push(structuredClone(write)) };
  const journal = createRunJournal({
    db: {} as Database, // a fresh run never reads its steps back
    writer,
    runId: "run_1",
    nodeKinds: new Map(Object.entries(nodeKinds)),
    fresh: true,
    now: () => new Date("2026-11-22T15:00:00Z"),
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    wait: async () => {},
  });
  const summary = () =>
    writes.map((write) => write.rows.map((row) => `${row.nodeId}:${row.status}${row.memo ? "+memo" : ""}#${row.attempt}`));
  return { journal, writes, summary };
}

describe("run journal", () => {
  it("writes nothing before a run's first action, then keeps that action's result before the next one", async () => {
    const { journal, summary } = journalFor({ check: "condition.call_duration", hook: "action.webhook", sms: "action.send_sms" });
    await journal.step.run("check", async () => ({ passed: true }));
    const seenAtFirstAction = summary().length;
    await journal.step.run("hook", async () => ({ delivered: true }));
    expect(seenAtFirstAction).toBe(0);
    expect(summary()).toEqual([]);

    await journal.step.run("sms", async () => ({ sent: true }));
    expect(summary()).toEqual([["check:succeeded+memo#1", "hook:succeeded+memo#1", "sms:running#1"]]);

    await journal.recorder.finishRun({ status: "succeeded", error: null, finishedAt: new Date("2026-11-22T15:00:01Z") });
    expect(summary()[1]).toEqual(["sms:succeeded+memo#1"]);
  });

  it("records each retry's attempt before sending it again", async () => {
    const { journal, summary } = journalFor({ hook: "action.webhook" });
    let calls = 0;
    const result = await journal.step.run("hook", async () => {
      calls += 1;
      if (calls < 3) throw new Error("503 from the receiver");
      return { delivered: true };
    });
    expect(result).toEqual({ delivered: true });
    expect(summary()).toEqual([["hook:running#2"], ["hook:running#3"]]);
  });
});
