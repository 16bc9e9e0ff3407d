import { Auth, skipCSRFCheck } from "@auth/core";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outboxMessages, sessions, users } from "@/db/schema";
import { hashToken } from "@/server/crypto/tokens";
import { testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { buildAuthConfig } from "./auth-config";

const handle = setupTestDatabase();
const config = testConfig({ appUrl: "http://localhost:3000" });
const api = `${config.appUrl}/api/auth`;

/** Auth.js answering one request, configured as the app configures it (as next-auth's signIn calls it). */
function authjs(request: Request) {
  return Auth(request, { ...buildAuthConfig(config, handle.db), basePath: "/api/auth", skipCSRFCheck });
}

function sessionCookieOf(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .find((pair) => pair.startsWith("authjs.session-token="))
    ?.slice("authjs.session-token=".length);
}

describe("signing in by magic link through Auth.js", () => {
  it("works with hashed session tokens: the cookie holds the token, the table only its hash", async () => {
    const email = "ada@example.test";
    const asked = await authjs(
      new Request(`${api}/signin/email`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: " Ada@Example.test ", callbackUrl: "/workflows" }),
      }),
    );
    expect(asked.headers.get("location")).toContain("/verify-request");
    const [mail] = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.to, email));
    expect(mail?.actionUrl).toContain("/api/auth/callback/email");

    const followed = await authjs(new Request(mail!.actionUrl!));
    expect(followed.headers.get("location")).toBe(`${config.appUrl}/workflows`);
    const sessionToken = sessionCookieOf(followed);
    expect(sessionToken).toBeTruthy();
    const [user] = await handle.db.select().from(users).where(eq(users.email, email));
    const stored = await handle.db.select().from(sessions).where(eq(sessions.userId, user!.id));
    expect(stored.map((row) => row.sessionToken)).toEqual([hashToken(sessionToken!)]);

    const cookie = `authjs.session-token=${sessionToken}`;
    const current = await authjs(new Request(`${api}/session`, { headers: { cookie } }));
    const body = await current.text();
    expect(JSON.parse(body)).toMatchObject({ user: { id: user!.id, email } });
    // The browser's JavaScript can read this endpoint: it must not learn the httpOnly cookie's token.
    expect(body).not.toContain(sessionToken);

    await authjs(
      new Request(`${api}/signout`, { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: "" }),
    );
    expect(await handle.db.select().from(sessions).where(eq(sessions.userId, user!.id))).toEqual([]);
  });

  it("sends a signed-in person only to paths on this app", async () => {
    for (const [callbackUrl, expected] of [
      ["//evil.example/x", `${config.appUrl}/`],
      ["https://evil.example/x", `${config.appUrl}/`],
      ["/runs?status=failed", `${config.appUrl}/runs?status=failed`],
    ]) {
      const signOut = await authjs(
        new Request(`${api}/signout`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ callbackUrl }),
        }),
      );
      expect(signOut.headers.get("location"), callbackUrl).toBe(expected);
    }
  });
});
