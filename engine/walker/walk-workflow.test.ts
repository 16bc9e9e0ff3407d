import { describe, expect, it } from "vitest";
import { sampleEvent, sampleEventWith } from "../events/sample-events";
import { fakePorts, memoryStepRunner } from "../test-support/fake-ports";
import { alwaysFalse, alwaysTrue, edge, graphOf, no, node, trigger, yes } from "../test-support/graph-builder";
import { walkWorkflow, toNodeError } from "./walk-workflow";

const missed = sampleEvent("call.missed");

class ProviderError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

describe("walkWorkflow", () => {
  it("runs a chain in order, one step per condition and action", async () => {
    const graph = graphOf(
      [trigger("t"), node("c", "condition.call_duration", alwaysTrue), node("sms", "action.send_sms"), node("mail", "action.send_email")],
      [edge("t", "c"), yes("c", "sms"), edge("sms", "mail")],
    );
    const { ports, log, executed, finished } = fakePorts();
    const result = await walkWorkflow(graph, missed, ports);

    expect(result.status).toBe("succeeded");
    expect(result.order).toEqual(["t", "c", "sms", "mail"]);
    expect(log.requested).toEqual(["c", "sms", "mail"]);
    expect(executed.map((e) => e.kind)).toEqual(["action.send_sms", "action.send_email"]);
    expect(result.nodes.t).toEqual({ status: "succeeded", output: { eventType: "call.missed" } });
    expect(result.nodes.c).toEqual({
      status: "succeeded",
      branch: "true",
      input: { operator: "gte", seconds: 0, unit: "seconds" },
      output: 0,
    });
    expect(result.nodes.sms).toMatchObject({
      status: "succeeded",
      input: { to: "+14155550123", from: "+14155550100", body: expect.stringContaining("Acme Dental") },
      output: { delivered: true, nodeId: "sms" },
    });
    expect(finished.map((f) => f.nodeId)).toEqual(["t", "c", "sms", "mail"]);
    expect(finished[1].result).toBe(result.nodes.c);
  });

  it("takes only the branch the condition chose, and skips the other all the way down", async () => {
    const graph = graphOf(
      [
        trigger("t"),
        node("c", "condition.call_duration", alwaysFalse),
        node("yes1", "action.send_sms"),
        node("yes2", "action.tag_call", { tags: ["long"] }),
        node("no1", "action.send_email"),
      ],
      [edge("t", "c"), yes("c", "yes1"), edge("yes1", "yes2"), no("c", "no1")],
    );
    const { ports, log } = fakePorts();
    const result = await walkWorkflow(graph, missed, ports);
    expect(result.nodes.c.branch).toBe("false");
    expect(result.nodes.yes1).toEqual({ status: "skipped" });
    expect(result.nodes.yes2).toEqual({ status: "skipped" });
    expect(result.nodes.no1.status).toBe("succeeded");
    expect(log.requested).toEqual(["c", "no1"]);
    expect(result.status).toBe("succeeded");
  });

  it("is skipped when conditions stop it before any action", async () => {
    const graph = graphOf(
      [trigger("t"), node("c", "condition.call_duration", alwaysFalse, { openHandles: ["false"] }), node("sms", "action.send_sms")],
      [edge("t", "c"), yes("c", "sms")],
    );
    const { ports, executed } = fakePorts();
    const result = await walkWorkflow(graph, missed, ports);
    expect(result.status).toBe("skipped");
    expect(result.nodes.sms.status).toBe("skipped");
    expect(executed).toEqual([]);
  });

  describe("joins", () => {
    // t → c; c yes → a → j; c no → b → j; listed with the join first to prove listing order does not matter.
    const diamond = (condition: object) =>
      graphOf(
        [
          node("j", "action.send_email"),
          trigger("t"),
          node("c", "condition.call_duration", condition),
          node("a", "action.send_sms"),
          node("b", "action.tag_call", { tags: ["x"] }),
        ],
        [edge("t", "c"), yes("c", "a"), no("c", "b"), edge("a", "j"), edge("b", "j")],
      );

    it("runs a join once, after all its parents are decided, when one path reached it", async () => {
      const { ports, log } = fakePorts();
      const result = await walkWorkflow(diamond(alwaysTrue), missed, ports);
      expect(result.order).toEqual(["t", "c", "a", "b", "j"]);
      expect(result.nodes.b.status).toBe("skipped");
      expect(result.nodes.j.status).toBe("succeeded");
      expect(log.requested.filter((id) => id === "j")).toHaveLength(1);
    });

    it("waits for a slow parent branch before running the join", async () => {
      const graph = graphOf(
        [
          trigger("t"),
          node("j", "action.webhook", { urls: ["https://example.com/"] }),
          node("quick", "action.send_sms"),
          node("wait", "action.delay"),
          node("late", "action.tag_call", { tags: ["x"] }),
        ],
        [edge("t", "quick"), edge("t", "wait"), edge("wait", "late"), edge("quick", "j"), edge("late", "j")],
      );
      const { ports, log } = fakePorts();
      const result = await walkWorkflow(graph, missed, ports);
      expect(log.requested).toEqual(["quick", "wait", "late", "j"]);
      expect(result.nodes.j.status).toBe("succeeded");
    });

    it("skips a join none of whose paths were taken", async () => {
      const graph = graphOf(
        [
          trigger("t"),
          node("c", "condition.call_duration", alwaysFalse),
          node("a", "action.send_sms"),
          node("b", "action.tag_call", { tags: ["x"] }),
          node("j", "action.send_email"),
        ],
        [edge("t", "c"), yes("c", "a"), yes("c", "b"), edge("a", "j"), edge("b", "j")],
      );
      const { ports } = fakePorts();
      const result = await walkWorkflow(graph, missed, ports);
      expect(result.nodes.j.status).toBe("skipped");
      expect(result.status).toBe("skipped");
    });
  });

  describe("failures", () => {
    it("stops only the failed action's own downstream", async () => {
      const graph = graphOf(
        [
          trigger("t"),
          node("a", "action.webhook", { urls: ["https://example.com/"] }),
          node("a2", "action.send_sms"),
          node("b", "action.send_email"),
          node("b2", "action.tag_call", { tags: ["x"] }),
        ],
        [edge("t", "a"), edge("a", "a2"), edge("t", "b"), edge("b", "b2")],
      );
      const { ports, executed } = fakePorts({ failures: { a: new ProviderError("Receiver answered 410 Gone", "http_410") } });
      const result = await walkWorkflow(graph, missed, ports);
      expect(result.status).toBe("failed");
      expect(result.nodes.a).toMatchObject({
        status: "failed",
        input: { urls: ["https://example.com/"] },
        error: { message: "Receiver answered 410 Gone", name: "ProviderError", code: "http_410" },
      });
      expect(result.nodes.a2).toEqual({ status: "skipped" });
      expect(result.nodes.b.status).toBe("succeeded");
      expect(result.nodes.b2.status).toBe("succeeded");
      expect(executed.map((e) => e.nodeId)).toEqual(["a", "b", "b2"]);
    });

    it("still runs a join reached by another, successful path", async () => {
      const graph = graphOf(
        [trigger("t"), node("a", "action.send_sms"), node("b", "action.tag_call", { tags: ["x"] }), node("j", "action.send_email")],
        [edge("t", "a"), edge("t", "b"), edge("a", "j"), edge("b", "j")],
      );
      const { ports } = fakePorts({ failures: { a: new Error("carrier down") } });
      const result = await walkWorkflow(graph, missed, ports);
      expect(result.nodes.j.status).toBe("succeeded");
      expect(result.status).toBe("failed");
    });

    it("fails a condition whose evaluation throws, and skips what follows", async () => {
      const graph = graphOf(
        [
          trigger("t"),
          node("c", "condition.caller_frequency", { mode: "count", operator: "gt", count: 1, days: 7 }),
          node("a", "action.send_sms"),
          node("b", "action.send_email"),
        ],
        [edge("t", "c"), yes("c", "a"), no("c", "b")],
      );
      const { ports } = fakePorts();
      ports.callsFromNumberSince = async () => {
        throw new Error("database unavailable");
      };
      const result = await walkWorkflow(graph, missed, ports);
      expect(result.nodes.c).toMatchObject({ status: "failed", error: { message: "database unavailable", name: "Error" } });
      expect(result.nodes.c.branch).toBeUndefined();
      expect(result.nodes.a.status).toBe("skipped");
      expect(result.nodes.b.status).toBe("skipped");
      expect(result.status).toBe("failed");
    });

    it("fails an action whose input cannot be prepared, without calling the executor", async () => {
      const form = sampleEventWith("form.submitted", (draft) => {
        draft.caller = null;
      });
      const graph = graphOf([trigger("t", "form.submitted"), node("sms", "action.send_sms")], [edge("t", "sms")]);
      const { ports, executed, log } = fakePorts();
      const result = await walkWorkflow(graph, form, ports);
      expect(result.nodes.sms).toEqual({
        status: "failed",
        error: { message: "There is no phone number to text for this event.", name: "ActionInputError", code: "no_recipient" },
      });
      expect(executed).toEqual([]);
      expect(log.requested).toEqual([]);
    });

    it("fails steps with invalid settings or unknown kinds instead of guessing", async () => {
      const graph = graphOf(
        [
          trigger("t"),
          { ...node("bad", "action.send_sms"), config: { body: "" } } as never,
          { ...node("odd", "action.delay"), kind: "action.fax" } as never,
        ],
        [edge("t", "bad"), edge("t", "odd")],
      );
      const { ports } = fakePorts();
      const result = await walkWorkflow(graph, missed, ports);
      expect(result.nodes.bad.error).toMatchObject({ code: "invalid_config" });
      expect(result.nodes.odd.error).toMatchObject({ code: "unknown_kind", message: 'Unknown step kind "action.fax".' });
    });

    it("fails a delay whose sleep throws", async () => {
      const graph = graphOf([trigger("t"), node("d", "action.delay"), node("sms", "action.send_sms")], [edge("t", "d"), edge("d", "sms")]);
      const { ports } = fakePorts();
      ports.step.sleep = async () => {
        throw new Error("sleep refused");
      };
      const result = await walkWorkflow(graph, missed, ports);
      expect(result.nodes.d).toMatchObject({ status: "failed", input: { duration: "30m" }, error: { message: "sleep refused" } });
      expect(result.nodes.sms.status).toBe("skipped");
    });

    it("lets the step runner's control-flow errors through", async () => {
      const graph = graphOf([trigger("t"), node("sms", "action.send_sms")], [edge("t", "sms")]);
      const { ports } = fakePorts();
      const interrupt = new Error("interrupt");
      ports.step.run = async () => {
        throw interrupt;
      };
      ports.isControlFlowError = (error) => error === interrupt;
      await expect(walkWorkflow(graph, missed, ports)).rejects.toBe(interrupt);
    });

    it("refuses to walk a loop, before running any step", async () => {
      const graph = graphOf(
        [trigger("t"), node("a", "action.send_sms"), node("b", "action.delay")],
        [edge("t", "a"), edge("a", "b"), edge("b", "a")],
      );
      const { ports, log } = fakePorts();
      const result = await walkWorkflow(graph, missed, ports);
      expect(result).toEqual({ status: "failed", nodes: {}, order: [], error: expect.objectContaining({ code: "cycle" }) });
      expect(log.requested).toEqual([]);
    });
  });

  describe("delays", () => {
    it("sleeps durably under the node's id, then continues", async () => {
      const graph = graphOf(
        [trigger("t"), node("wait", "action.delay", { amount: 2, unit: "hours" }), node("sms", "action.send_sms")],
        [edge("t", "wait"), edge("wait", "sms")],
      );
      const { ports, log } = fakePorts();
      const result = await walkWorkflow(graph, missed, ports);
      expect(log.sleeps).toEqual([{ id: "wait", duration: "2h" }]);
      expect(log.requested).toEqual(["wait", "sms"]);
      expect(result.nodes.wait).toEqual({ status: "succeeded", input: { duration: "2h", milliseconds: 7_200_000 } });
      expect(result.status).toBe("succeeded");
    });

    it("does not count a delay alone as having done something", async () => {
      const graph = graphOf([trigger("t"), node("wait", "action.delay")], [edge("t", "wait")]);
      const { ports } = fakePorts();
      expect((await walkWorkflow(graph, missed, ports)).status).toBe("skipped");
    });
  });

  describe("triggers", () => {
    it("skips everything when the event does not satisfy the trigger", async () => {
      const graph = graphOf([trigger("t", "call.missed", ["+14155559999"]), node("sms", "action.send_sms")], [edge("t", "sms")]);
      const { ports, log } = fakePorts();
      const result = await walkWorkflow(graph, missed, ports);
      expect(result.status).toBe("skipped");
      expect(result.nodes.t.status).toBe("skipped");
      expect(result.nodes.sms.status).toBe("skipped");
      expect(log.requested).toEqual([]);
    });

    it("runs a missed-call workflow for a completed, unanswered call", async () => {
      const completed = sampleEventWith("call.completed", (draft) => {
        draft.call.answered = false;
        draft.call.status = "no_answer";
      });
      const graph = graphOf([trigger("t", "call.missed"), node("sms", "action.send_sms")], [edge("t", "sms")]);
      const { ports } = fakePorts();
      expect((await walkWorkflow(graph, completed, ports)).status).toBe("succeeded");
    });
  });

  describe("context passed to nodes", () => {
    it("gives conditions the org, the clock and the caller-frequency port", async () => {
      const graph = graphOf(
        [
          trigger("t"),
          node("c", "condition.caller_frequency", { mode: "count", operator: "gte", count: 2, days: 30 }, { openHandles: ["false"] }),
          node("sms", "action.send_sms"),
        ],
        [edge("t", "c"), yes("c", "sms")],
      );
      const { ports, frequencyQueries } = fakePorts({ callsFromNumber: 2, now: new Date("2026-12-01T00:00:00Z") });
      const result = await walkWorkflow(graph, missed, ports);
      expect(frequencyQueries).toEqual([{ phone: "+14155550123", since: new Date("2026-11-01T00:00:00Z") }]);
      expect(result.nodes.c.branch).toBe("true");
    });

    it("uses the current time when no clock is given", async () => {
      const graph = graphOf(
        [
          trigger("t"),
          node("c", "condition.caller_frequency", { mode: "count", operator: "gte", count: 0, days: 1 }, { openHandles: ["false"] }),
        ],
        [edge("t", "c")],
      );
      const { ports, frequencyQueries } = fakePorts();
      delete ports.now;
      const before = Date.now();
      await walkWorkflow(graph, missed, ports);
      expect(frequencyQueries[0].since.getTime()).toBeGreaterThanOrEqual(before - 86_400_000);
    });

    it("gives actions the run and workflow ids, and stores a missing executor result as null", async () => {
      const graph = graphOf([trigger("t"), node("w", "action.webhook", { urls: ["https://example.com/"] })], [edge("t", "w")]);
      const { ports } = fakePorts();
      ports.actions.execute = async () => undefined;
      const result = await walkWorkflow(graph, missed, ports);
      expect(result.nodes.w.input).toMatchObject({ body: { workflow: { id: "wf_1" }, run: { id: "run_1", mode: "live" } } });
      expect(result.nodes.w.output).toBeNull();
    });
  });

  describe("replays", () => {
    const graph = graphOf(
      [
        trigger("t"),
        node("c", "condition.call_duration", alwaysTrue, { openHandles: ["false"] }),
        node("a", "action.send_sms"),
        node("b", "action.send_email"),
      ],
      [edge("t", "c"), yes("c", "a"), edge("a", "b")],
    );

    it("asks for the same step ids in the same order every time", async () => {
      const first = fakePorts();
      const second = fakePorts();
      await walkWorkflow(graph, missed, first.ports);
      await walkWorkflow(graph, missed, second.ports);
      expect(second.log.requested).toEqual(first.log.requested);
    });

    it("reuses finished steps when a run is replayed after an interruption", async () => {
      const memory = new Map<string, unknown>();
      const crash = new Error("process killed");
      const first = fakePorts({ memory });
      const realRun = first.ports.step.run;
      first.ports.step.run = async (id, fn) => {
        if (id === "b") throw crash;
        return realRun(id, fn);
      };
      first.ports.isControlFlowError = (error) => error === crash;
      await expect(walkWorkflow(graph, missed, first.ports)).rejects.toBe(crash);
      expect(first.executed.map((e) => e.nodeId)).toEqual(["a"]);

      const replay = fakePorts({ memory });
      const result = await walkWorkflow(graph, missed, replay.ports);
      expect(replay.log.requested).toEqual(["c", "a", "b"]);
      expect(replay.log.executed).toEqual(["b"]);
      expect(replay.executed.map((e) => e.nodeId)).toEqual(["b"]);
      expect(result.status).toBe("succeeded");
      expect(result.nodes.a.output).toEqual({ delivered: true, nodeId: "a" });
    });

    it("works with a bare step runner", async () => {
      const { step } = memoryStepRunner();
      const { ports } = fakePorts();
      const result = await walkWorkflow(graph, missed, { ...ports, step, onNodeFinished: undefined });
      expect(result.status).toBe("succeeded");
    });
  });
});

describe("toNodeError", () => {
  it("keeps message, name and a string code", () => {
    expect(toNodeError(new ProviderError("nope", "E1"))).toEqual({ message: "nope", name: "ProviderError", code: "E1" });
    expect(toNodeError(Object.assign(new Error("x"), { code: 42 }))).toEqual({ message: "x", name: "Error" });
  });

  it("reads error-like objects and anything else", () => {
    expect(toNodeError({ message: "serialised", name: "StepError", code: "X" })).toEqual({
      message: "serialised",
      name: "StepError",
      code: "X",
    });
    expect(toNodeError({ message: 5 })).toEqual({ message: "5", name: "Error" });
    expect(toNodeError("plain")).toEqual({ message: "plain", name: "Error" });
    expect(toNodeError(null)).toEqual({ message: "null", name: "Error" });
  });
});
