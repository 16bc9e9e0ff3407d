import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Variables = Record<string, string | undefined>;

const inngestVariables = ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"];
const bothKeys = { INNGEST_EVENT_KEY: "evt-key", INNGEST_SIGNING_KEY: "signkey-prod-0123abcd" };
const production = { NODE_ENV: "production" };

/** The configuration a server started with exactly these variables would load (env.ts re-read). */
async function configWith(variables: Variables) {
  vi.resetModules();
  const unset = Object.fromEntries(
    [...inngestVariables, "NEXT_PHASE", "LOCAL_MAILBOX", "ALLOW_PRIVATE_WEBHOOK_TARGETS"].map((name) => [name, undefined]),
  );
  const secrets = { AUTH_SECRET: "a-test-secret-of-32-characters!!", ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") };
  for (const [name, value] of Object.entries({ NODE_ENV: "test", ...unset, ...secrets, ...variables })) vi.stubEnv(name, value);
  const { loadAppConfig } = await import("./app-config");
  return loadAppConfig();
}

beforeEach(() => {
  // The refusals are also printed for whoever starts the server.
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("on/off variables", () => {
  it.each(["0", "false", "FALSE", "no", "No", ""])(
    "INNGEST_DEV=%j is off: no dev mode, and Inngest is not turned on by it",
    async (value) => {
      expect((await configWith({ INNGEST_DEV: value })).inngest).toMatchObject({ dev: false, enabled: false });
    },
  );

  it.each(["1", "true", "True", "yes", "YES"])("INNGEST_DEV=%j is on", async (value) => {
    expect((await configWith({ INNGEST_DEV: value })).inngest).toMatchObject({ dev: true, enabled: true });
  });

  it("LOCAL_MAILBOX and ALLOW_PRIVATE_WEBHOOK_TARGETS are read the same way", async () => {
    const config = await configWith({ ...production, LOCAL_MAILBOX: "Yes", ALLOW_PRIVATE_WEBHOOK_TARGETS: "0" });
    expect(config.email.kind).toBe("outbox");
    expect(config.allowPrivateWebhookTargets).toBe(false);
    expect((await configWith({ ALLOW_PRIVATE_WEBHOOK_TARGETS: "TRUE" })).allowPrivateWebhookTargets).toBe(true);
  });

  it.each([
    ["INNGEST_DEV", "off"],
    ["INNGEST_DEV", "localhost"],
    ["LOCAL_MAILBOX", "enabled"],
    ["ALLOW_PRIVATE_WEBHOOK_TARGETS", "2"],
  ])("%s=%j stops start-up, naming the variable", async (name, value) => {
    await expect(configWith({ [name]: value })).rejects.toThrow(new RegExp(`${name}: must be true or false`));
  });
});

describe("Inngest on a production server", () => {
  it("refuses dev mode, which skips the signature check on /api/inngest", async () => {
    await expect(configWith({ ...production, ...bothKeys, INNGEST_DEV: "1" })).rejects.toThrow(
      /INNGEST_DEV is on in production.*Set INNGEST_DEV=false/,
    );
  });

  it.each([
    ["an event key without a signing key", { INNGEST_EVENT_KEY: "evt-key" }, /INNGEST_EVENT_KEY is set without INNGEST_SIGNING_KEY/],
    [
      "a signing key without an event key",
      { INNGEST_SIGNING_KEY: "signkey-prod-0123abcd" },
      /INNGEST_SIGNING_KEY is set without INNGEST_EVENT_KEY/,
    ],
    [
      "INNGEST_BASE_URL alone",
      { INNGEST_BASE_URL: "https://inngest.internal" },
      /INNGEST_BASE_URL is set without INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY/,
    ],
  ])("refuses %s, saying what to set", async (_, variables, message) => {
    await expect(configWith({ ...production, ...variables })).rejects.toThrow(message);
  });

  it("starts with both keys (and a base URL), signatures checked", async () => {
    expect((await configWith({ ...production, ...bothKeys, INNGEST_BASE_URL: "https://inngest.internal" })).inngest).toEqual({
      enabled: true,
      dev: false,
      baseUrl: "https://inngest.internal",
      eventKey: "evt-key",
      signingKey: "signkey-prod-0123abcd",
    });
  });

  it("starts with no Inngest settings at all: workflows run in-process", async () => {
    expect((await configWith(production)).inngest).toMatchObject({ enabled: false, dev: false });
  });

  it("does not refuse during `next build`, where the deployment's settings may not be there yet", async () => {
    const config = await configWith({
      ...production,
      NEXT_PHASE: "phase-production-build",
      INNGEST_EVENT_KEY: "evt-key",
      INNGEST_DEV: "1",
    });
    expect(config.isProductionBuild).toBe(true);
  });

  it("dev mode stays available to `next dev` and tests", async () => {
    expect((await configWith({ NODE_ENV: "development", INNGEST_DEV: "true" })).inngest).toMatchObject({ dev: true, enabled: true });
  });
});
