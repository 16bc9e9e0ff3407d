import { describe, expect, it } from "vitest";
import { chooseEmailConfig, servesLocalMailbox, type EmailSettings } from "./email-config";

const from = "Switchboard <notifications@switchboard.local>";
const settings = (overrides: Partial<EmailSettings>): EmailSettings => ({ nodeEnv: "production", localMailbox: false, from, ...overrides });

describe("when the local mailbox is served", () => {
  it.each([
    ["next dev", { nodeEnv: "development" as const }, true],
    ["tests", { nodeEnv: "test" as const }, true],
    ["next start", {}, false],
    ["next start with LOCAL_MAILBOX=true", { localMailbox: true }, true],
    ["next dev with Resend", { nodeEnv: "development" as const, resendApiKey: "re_1" }, false],
    ["next start with Resend and LOCAL_MAILBOX=true", { localMailbox: true, resendApiKey: "re_1" }, false],
  ])("%s → %s", (_, overrides, served) => {
    expect(servesLocalMailbox(chooseEmailConfig(settings(overrides)))).toBe(served);
  });

  it("a production server without Resend or LOCAL_MAILBOX delivers no email at all", () => {
    expect(chooseEmailConfig(settings({}))).toEqual({ kind: "none", from });
  });

  it("Resend wins whenever it has a key", () => {
    expect(chooseEmailConfig(settings({ resendApiKey: "re_1", resendBaseUrl: "http://127.0.0.1:9" }))).toEqual({
      kind: "resend",
      apiKey: "re_1",
      baseUrl: "http://127.0.0.1:9",
      from,
    });
  });
});
