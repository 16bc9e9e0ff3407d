import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import type { ExecutionDeps } from "@/server/execution/execute-run";
import { createFanOutFunction } from "./fan-out";
import { createRunWorkflowFunction } from "./run-workflow";

const inngest = new Inngest({ id: "switchboard-test", isDev: true });
const noDeps = async (): Promise<ExecutionDeps> => {
  throw new Error("not used: only the functions' configuration is read");
};

/** What the function registers with Inngest when the app syncs. */
function syncedConfig(fn: object) {
  const getConfig = (fn as { getConfig(options: { baseUrl: URL; appPrefix: string }): Record<string, unknown>[] }).getConfig.bind(fn);
  return getConfig({ baseUrl: new URL("http://localhost:3000/api/inngest"), appPrefix: "switchboard" })[0]!;
}

describe("fairness of the Inngest functions", () => {
  it("limits run-workflow's concurrency per organization and throttles it per sending number", () => {
    const config = syncedConfig(createRunWorkflowFunction(inngest, noDeps));
    expect(config.concurrency).toEqual({ key: "event.data.organizationId", limit: 20 });
    expect(config.throttle).toEqual({ key: "event.data.smsSender", limit: 1, period: "1s", burst: 5 });
  });

  it("limits fan-out's concurrency per organization", () => {
    const config = syncedConfig(createFanOutFunction(inngest, noDeps));
    expect(config.concurrency).toEqual({ key: "event.data.organizationId", limit: 10 });
  });
});
