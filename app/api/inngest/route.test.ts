import { createHmac, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { workflowRuns } from "@/db/schema";
import { edge, graphOf, node, trigger } from "@/engine/test-support/graph-builder";
import type { ExecutionDeps } from "@/server/execution/execute-run";
import { createExecutionProviders } from "@/server/execution/create-providers";
import { recordEvent } from "@/server/events/record-events";
import { missedCall } from "@/test-support/call-events";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createLiveWorkflow } from "@/test-support/workflows";

/** The served functions get their database from the app's runtime; here, the test database. */
const runtime = vi.hoisted(() => ({ deps: undefined as (() => ExecutionDeps) | undefined, depsRequested: 0 }));
vi.mock("@/server/execution/execution-runtime", () => ({
  async getExecutionDeps() {
    runtime.depsRequested += 1;
    return runtime.deps!();
  },
}));

const handle = setupTestDatabase();
const config = testConfig();
runtime.deps = () => ({ db: handle.db, providers: createExecutionProviders(config, handle.db), encryptionKey: config.encryptionKey });

const signingKey = `signkey-test-${randomBytes(32).toString("hex")}`;
const callsToInngest: string[] = [];
let route: typeof import("./route");

beforeAll(async () => {
  // A server configured for Inngest Cloud: both keys, and dev mode written as off.
  vi.stubEnv("INNGEST_DEV", "0");
  vi.stubEnv("INNGEST_BASE_URL", undefined);
  vi.stubEnv("INNGEST_EVENT_KEY", "test-event-key");
  vi.stubEnv("INNGEST_SIGNING_KEY", signingKey);
  vi.stubEnv("AUTH_SECRET", "a-test-secret-of-32-characters!!");
  vi.stubEnv("ENCRYPTION_KEY", Buffer.alloc(32, 7).toString("base64"));
  // Anything the SDK sends to Inngest (a checkpoint, an event) is recorded and refused.
  vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
    callsToInngest.push(String(input));
    throw new Error("The test has no Inngest server");
  });
  route = await import("./route");
});

afterAll(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

/** Inngest's signature: HMAC-SHA256 of the body (canonical JSON) and the timestamp, keyed by the signing key without its prefix. */
function sign(body: string, key: string, at = Math.floor(Date.now() / 1000)) {
  const hmac = createHmac("sha256", key.replace(/^signkey-\w+-/, ""))
    .update(body + at)
    .digest("hex");
  return `t=${at}&s=${hmac}`;
}

let keys = 0;

/** A stored event that a live workflow matches, and the call Inngest makes to fan it out (keys sorted: canonical JSON). */
async function fanOutCall() {
  const { organization, user } = await createUserWithOrg(handle.db, config, "InngestRoute");
  await createLiveWorkflow(
    handle.db,
    organization.id,
    graphOf([trigger("t", "call.missed"), node("sms", "action.send_sms", { body: "Sorry we missed you" })], [edge("t", "sms")]),
    "Text back",
    user.id,
  );
  const { eventId } = await recordEvent(handle.db, { organization, source: "api", idempotencyKey: `route-${++keys}`, event: missedCall() });
  const event = {
    data: { callerNumber: null, eventId, organizationId: organization.id, smsSender: `organization:${organization.id}` },
    id: `evt-${keys}`,
    name: "switchboard/event.received",
    ts: Date.now(),
  };
  const body = JSON.stringify({
    ctx: {
      attempt: 0,
      disable_immediate_execution: false,
      fn_id: "00000000-0000-4000-8000-000000000001",
      run_id: `01JTESTRUN${keys}`,
      stack: { current: 0, stack: [] },
      use_api: false,
    },
    event,
    events: [event],
    steps: {},
    version: 1,
  });
  const runsStarted = async () => handle.db.select().from(workflowRuns).where(eq(workflowRuns.eventId, eventId));
  return { body, runsStarted };
}

function post(body: string, signature?: string) {
  return route.POST(
    new NextRequest("http://localhost:3000/api/inngest?fnId=switchboard-fan-out&stepId=step", {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature ? { "x-inngest-signature": signature } : {}) },
      body,
    }),
    undefined,
  );
}

describe("/api/inngest with Inngest Cloud configured", () => {
  it("refuses an unsigned call, or one signed with another key, and runs nothing", async () => {
    const { body, runsStarted } = await fanOutCall();
    const depsBefore = runtime.depsRequested;
    vi.spyOn(console, "error").mockImplementation(() => {}); // the SDK logs each refusal

    const unsigned = await post(body);
    expect(unsigned.status).toBe(401);
    const forged = await post(body, sign(body, `signkey-test-${randomBytes(32).toString("hex")}`));
    expect(forged.status).toBe(401);

    expect(runtime.depsRequested).toBe(depsBefore);
    expect(await runsStarted()).toEqual([]);
    vi.mocked(console.error).mockRestore();
  });

  it("runs a correctly signed call: one step, answered to Inngest", async () => {
    const { body, runsStarted } = await fanOutCall();

    const response = await post(body, sign(body, signingKey));

    expect(response.status).toBe(206);
    const [op] = (await response.json()) as [{ op: string; name: string }];
    expect(op).toMatchObject({ op: "StepRun", name: "start-runs" });
    expect(await runsStarted()).toHaveLength(1);
    expect(callsToInngest).toEqual([]);
  });

  it("lets a webhook step finish: the route may run for 300 s", () => {
    expect(route.maxDuration).toBeGreaterThanOrEqual(120);
  });

  it("never checkpoints: every served function runs in the mode the tests exercise", async () => {
    const { functions } = await import("@/inngest/functions");
    type Checkpointing = { shouldAsyncCheckpoint(step: undefined, fnId: string, disableImmediate: boolean, maxRuntime: number): unknown };
    for (const fn of functions) {
      expect((fn as unknown as Checkpointing).shouldAsyncCheckpoint(undefined, "fn-id", false, 10_000)).toBeUndefined();
    }
  });
});
