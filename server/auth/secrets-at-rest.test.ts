import { createHash, randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { EmailConfig as EmailProvider } from "next-auth/providers/email";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/query-rows";
import { startResendApi, type ResendApiStandIn } from "@/test-support/stand-ins/resend-api";
import type { AppConfig } from "@/server/config/app-config";
import { createEmailSender } from "@/server/email/email-sender";
import { callerFor, createUserWithOrg, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createAuthAdapter } from "./auth-adapter";
import { buildAuthProviders } from "./auth-providers";

const handle = setupTestDatabase();
let resendApi: ResendApiStandIn;
let config: AppConfig;

beforeAll(async () => {
  resendApi = await startResendApi();
  config = testConfig({
    appUrl: "https://switchboard.example.com",
    email: { kind: "resend", apiKey: "re_test_key", baseUrl: resendApi.url, from: "Switchboard <login@switchboard.test>" },
  });
});

afterAll(async () => {
  await resendApi?.close();
});

/** Every row of every table in the public schema, as JSON text. */
async function dumpEveryTable(): Promise<string> {
  const tables = await queryRows<{ table_name: string }>(
    handle.db,
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  expect(tables.map((table) => table.table_name)).toEqual(
    expect.arrayContaining(["sessions", "outbox_messages", "api_keys", "organizations"]),
  );
  const dumps: string[] = [];
  for (const { table_name } of tables) {
    const rows = await queryRows<{ row: string }>(handle.db, sql`SELECT row_to_json(t)::text AS row FROM ${sql.identifier(table_name)} t`);
    dumps.push(...rows.map((row) => `${table_name}: ${row.row}`));
  }
  return dumps.join("\n");
}

/** The link Resend was asked to deliver to `to`, read from the email as its recipient would. */
function deliveredLink(to: string, pattern: RegExp): string {
  const email = resendApi.emails.findLast((sent) => sent.body.to === to);
  const link = String(email?.body.text ?? "").match(pattern)?.[0];
  expect(link, `a link in the email to ${to}`).toBeDefined();
  return link!;
}

describe("secrets at rest", () => {
  it("no token, key, secret or link the app hands out can be read back from any table", async () => {
    const { user: owner, organization } = await createUserWithOrg(handle.db, config, "Owner");
    const handedOut: Record<string, string> = {};

    // Signing in, as Auth.js does it: a session for a random token that goes into the cookie.
    const adapter = createAuthAdapter(handle.db);
    const session = await adapter.createSession!({
      sessionToken: randomUUID(),
      userId: owner.id,
      expires: new Date(Date.now() + 30 * 24 * 60 * 60 * 1000),
    });
    handedOut.sessionToken = session.sessionToken;
    expect((await adapter.getSessionAndUser!(session.sessionToken))?.user.id).toBe(owner.id);

    // A magic link, sent by the email provider Auth.js is configured with, and the token Auth.js would keep.
    const emailProvider = buildAuthProviders(config, async () => createEmailSender(config.email, handle.db)).find(
      (provider): provider is EmailProvider => typeof provider !== "function" && provider.id === "email",
    )!;
    const signInToken = randomBytes(32).toString("hex");
    const identifier = "returning@example.test";
    const url = `${config.appUrl}/api/auth/callback/email?${new URLSearchParams({ callbackUrl: config.appUrl, token: signInToken, email: identifier })}`;
    const expires = new Date(Date.now() + 24 * 60 * 60 * 1000);
    await emailProvider.sendVerificationRequest({
      identifier,
      url,
      expires,
      token: signInToken,
      provider: emailProvider,
      theme: {},
      request: new Request(url),
    });
    await adapter.createVerificationToken!({
      identifier,
      token: createHash("sha256").update(`${signInToken}${config.authSecret}`).digest("hex"),
      expires,
    });
    handedOut.magicLink = deliveredLink(identifier, /https:\/\/\S+\/api\/auth\/callback\/email\?\S+/);
    handedOut.magicLinkToken = new URL(handedOut.magicLink).searchParams.get("token")!;
    expect(handedOut.magicLinkToken).toBe(signInToken);

    const owners = callerFor(handle.db, config, owner, organization.id);
    await owners.invitation.create({ email: "newcomer@example.test", role: "editor" });
    handedOut.invitationLink = deliveredLink("newcomer@example.test", /https:\/\/\S+\/invite\/\S+/);
    handedOut.invitationToken = handedOut.invitationLink.split("/invite/")[1]!;

    handedOut.apiKey = (await owners.apiKey.create({ name: "CRM sync" })).key;
    handedOut.webhookSecret = (await owners.webhookSecret.rotate()).secret;
    const callRail = await owners.callrail.rotateToken();
    handedOut.callRailToken = callRail.token;
    handedOut.callRailUrl = callRail.url;

    expect(handedOut.webhookSecret).toMatch(/^whsec_/);
    for (const [name, secret] of Object.entries(handedOut)) expect(secret.length, name).toBeGreaterThanOrEqual(20);

    const everything = await dumpEveryTable();
    // The dump does hold what was sent: the emails themselves, the session, the key's row.
    expect(everything).toContain("newcomer@example.test");
    expect(everything).toContain(owner.id);
    for (const [name, secret] of Object.entries(handedOut)) {
      expect(everything.includes(secret), `${name} (${secret}) is stored in plaintext`).toBe(false);
    }
  });
});
