import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// E2E_PORT lets a second run (another checkout, a helper) use other ports than CI.
const port = Number(process.env.E2E_PORT ?? 3100);
const oidcPort = port + 1;
// Texts go through the real Twilio SDK to a local stand-in of Twilio's API (and, as always, to the
// Outbox page); the same credentials let the app verify the signed Twilio webhooks tests post.
const twilioPort = port + 2;
const twilio = {
  TWILIO_ACCOUNT_SID: `AC${"e2e0".repeat(8)}`,
  TWILIO_AUTH_TOKEN: "e2e-only-twilio-auth-token",
  TWILIO_API_BASE_URL: `http://127.0.0.1:${twilioPort}`,
};
const baseURL = `http://localhost:${port}`;
const chromiumPath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate): candidate is string =>
  Boolean(candidate && existsSync(candidate)),
);
// Its own embedded database, never the dev one; wiped at every start.
const dataDir = path.resolve(`.data/e2e-${port}`);

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // Long user journeys on a 2-core machine; a hang still fails well before CI gives up.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ...(process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE }] as const] : []),
  ],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      command: "node test-support/stand-ins/oidc-provider.mjs",
      url: `http://localhost:${oidcPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      env: { OIDC_PORT: String(oidcPort), OIDC_APP_URL: baseURL },
    },
    {
      command: "npx tsx test-support/stand-ins/twilio-api-server.ts",
      port: twilioPort,
      reuseExistingServer: false,
      env: { TWILIO_STAND_IN_PORT: String(twilioPort), ...twilio },
    },
    {
      command: `node scripts/start-fresh.mjs ${dataDir} -- npx next start -p ${port}`,
      url: `${baseURL}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        DATA_DIR: dataDir,
        APP_URL: baseURL,
        AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdef",
        AUTH_OIDC_ISSUER: `http://localhost:${oidcPort}`,
        AUTH_OIDC_ID: "switchboard-e2e",
        AUTH_OIDC_SECRET: "switchboard-e2e-secret",
        AUTH_OIDC_NAME: "Test SSO",
        DATABASE_URL: "",
        // The test webhook receiver listens on 127.0.0.1.
        ALLOW_PRIVATE_WEBHOOK_TARGETS: "true",
        // A production build: sign-in links reach the tests through the local mailbox only when asked.
        LOCAL_MAILBOX: "true",
        ...twilio,
      },
    },
  ],
});
