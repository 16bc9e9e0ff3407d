import { describe, expect, it } from "vitest";
import { testConfig } from "@/test-support/test-context";
import { signInStartupNotice } from "./sign-in-notice";

const from = "Switchboard <notifications@switchboard.local>";
const github = { clientId: "id", clientSecret: "secret" };

describe("the start-up notice about signing in", () => {
  it("warns, saying how to fix it, when nobody could sign in (production: no Resend, no provider, no mailbox)", () => {
    const notice = signInStartupNotice(testConfig({ email: { kind: "none", from } }));
    expect(notice?.level).toBe("warn");
    expect(notice?.message).toMatch(/nobody can sign in/);
    for (const fix of ["RESEND_API_KEY", "AUTH_OIDC_", "LOCAL_MAILBOX=true"]) expect(notice?.message).toContain(fix);
  });

  it("only informs when an OAuth provider still lets people in", () => {
    expect(signInStartupNotice(testConfig({ email: { kind: "none", from }, auth: { github } }))?.level).toBe("info");
  });

  it("points at the local mailbox when it is on, and says nothing with Resend", () => {
    expect(signInStartupNotice(testConfig({ email: { kind: "outbox", from } }))).toMatchObject({
      level: "info",
      message: expect.stringContaining("/mailbox"),
    });
    expect(signInStartupNotice(testConfig({ email: { kind: "resend", apiKey: "re_1", from } }))).toBeUndefined();
  });
});
