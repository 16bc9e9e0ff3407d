import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { outboxMessages } from "@/db/schema";
import { startResendApi, type ResendApiStandIn } from "@/test-support/stand-ins/resend-api";
import { setupTestDatabase } from "@/test-support/test-database";
import { createEmailSender, EmailDeliveryError, type EmailSender, type OutgoingEmail } from "./email-sender";

const from = "Switchboard <notifications@switchboard.test>";

const handle = setupTestDatabase();
let resendApi: ResendApiStandIn;
let send: EmailSender;

function email(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    category: "workflow",
    to: "owner@example.test",
    subject: "New call from (415) 555-2671",
    text: "A caller rang your Google Ads number for 42 seconds.",
    ...overrides,
  };
}

async function rowOf(outboxId: string) {
  const [row] = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, outboxId));
  return row!;
}

async function sendExpectingError(message: OutgoingEmail): Promise<EmailDeliveryError> {
  const error = await send(message).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmailDeliveryError);
  return error as EmailDeliveryError;
}

async function lastRowTo(to: string) {
  const rows = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.to, to));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

beforeAll(async () => {
  resendApi = await startResendApi();
  send = createEmailSender({ kind: "resend", apiKey: "re_test_key", baseUrl: resendApi.url, from }, handle.db);
});

afterAll(async () => {
  await resendApi?.close();
});

describe("email sender", () => {
  it("without a Resend key, records a simulated row and sends nothing", async () => {
    const outboxOnly = createEmailSender({ kind: "outbox", from }, handle.db);
    const before = resendApi.requestCount();

    const result = await outboxOnly(email({ to: "outbox-mode@example.test", actionUrl: "https://app.example.test/runs/1" }));

    expect(result.status).toBe("simulated");
    expect(result.providerMessageId).toBeUndefined();
    expect(await rowOf(result.outboxId)).toMatchObject({
      channel: "email",
      category: "workflow",
      to: "outbox-mode@example.test",
      from,
      subject: "New call from (415) 555-2671",
      actionUrl: "https://app.example.test/runs/1",
      status: "simulated",
      provider: "outbox",
    });
    expect(resendApi.requestCount()).toBe(before);
  });

  it("with Resend, delivers through the SDK with the idempotency key and records sent + Resend's id", async () => {
    const result = await send(email({ to: "delivered@example.test", idempotencyKey: "run_1:node_email", html: "<p>Hi</p>" }));

    const delivered = resendApi.emails.at(-1)!;
    expect(delivered.idempotencyKey).toBe("run_1:node_email");
    expect(delivered.authorization).toBe("Bearer re_test_key");
    expect(delivered.body).toMatchObject({
      from,
      to: "delivered@example.test",
      subject: "New call from (415) 555-2671",
      text: "A caller rang your Google Ads number for 42 seconds.",
      html: "<p>Hi</p>",
    });
    expect(result).toEqual({ outboxId: result.outboxId, status: "sent", providerMessageId: delivered.id });
    expect(await rowOf(result.outboxId)).toMatchObject({
      status: "sent",
      provider: "resend",
      providerMessageId: delivered.id,
      error: null,
    });
  });

  it("a retried send with the same idempotency key is delivered once", async () => {
    const message = email({ to: "retried@example.test", idempotencyKey: "run_2:node_email" });
    const requestsBefore = resendApi.requestCount();

    const first = await send(message);
    const second = await send(message);

    // The outbox remembers the key, so the retry does not even reach the provider.
    expect(resendApi.requestCount()).toBe(requestsBefore + 1);
    expect(resendApi.emails.filter((e) => e.idempotencyKey === "run_2:node_email")).toHaveLength(1);
    expect(second.providerMessageId).toBe(first.providerMessageId);
    expect(second.outboxId).toBe(first.outboxId);
  });

  it("a 422 validation error is permanent and recorded as a failed row", async () => {
    resendApi.failNext(422, { name: "validation_error", message: "Invalid `to` field." });

    const error = await sendExpectingError(email({ to: "rejected@example.test" }));

    expect(error.permanent).toBe(true);
    expect(error.statusCode).toBe(422);
    expect(error.providerError).toBe("validation_error");
    expect(error.message).toContain("Invalid `to` field.");
    expect(await lastRowTo("rejected@example.test")).toMatchObject({ status: "failed", provider: "resend", providerMessageId: null });
    expect((await lastRowTo("rejected@example.test")).error).toContain("validation_error");
  });

  it.each([
    [429, "rate_limit_exceeded"],
    [500, "internal_server_error"],
    [409, "concurrent_idempotent_requests"],
  ])("HTTP %i (%s) is transient and recorded as a failed row", async (status, name) => {
    const to = `transient-${status}@example.test`;
    resendApi.failNext(status, { name });

    const error = await sendExpectingError(email({ to }));

    expect(error).toMatchObject({ permanent: false, statusCode: status, providerError: name });
    expect((await lastRowTo(to)).status).toBe("failed");
  });

  it("other 4xx refusals are permanent (e.g. an invalid API key)", async () => {
    resendApi.failNext(403, { name: "invalid_api_key", message: "API key is invalid" });
    const error = await sendExpectingError(email({ to: "bad-key@example.test" }));
    expect(error).toMatchObject({ permanent: true, statusCode: 403 });
  });

  it("an unreachable Resend is transient", async () => {
    const unreachable = createEmailSender({ kind: "resend", apiKey: "re_test_key", baseUrl: "http://127.0.0.1:1", from }, handle.db);

    const error = await unreachable(email({ to: "unreachable@example.test" })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EmailDeliveryError);
    expect(error).toMatchObject({ permanent: false, statusCode: undefined });
    expect((await lastRowTo("unreachable@example.test")).status).toBe("failed");
  });

  it("two sends of the same idempotency key at once record one row, and neither throws", async () => {
    const outboxOnly = createEmailSender({ kind: "outbox", from }, handle.db);
    const message = email({ to: "racing@example.test", idempotencyKey: "alert:wf_1:493:racing@example.test" });

    const [first, second] = await Promise.all([outboxOnly(message), outboxOnly(message)]);

    expect(second.outboxId).toBe(first.outboxId);
    await lastRowTo("racing@example.test");
  });
});

describe("sign-in and invitation links in the outbox", () => {
  const signInUrl = "https://app.example.test/api/auth/callback/email?callbackUrl=%2F&token=0123456789abcdef&email=a%40example.test";
  const linkEmail = (to: string, category: "sign_in" | "invitation"): OutgoingEmail => ({
    category,
    to,
    subject: "Sign in to Switchboard",
    text: `Click the link below to sign in.\n\n${signInUrl}\n\nThe link works once.`,
    actionUrl: signInUrl,
  });

  it("with Resend, are delivered but the outbox keeps the email without its link", async () => {
    const result = await send(linkEmail("resend-link@example.test", "sign_in"));

    expect(result.status).toBe("sent");
    expect((resendApi.emails.at(-1)!.body as { text: string }).text).toContain(signInUrl);
    const row = await rowOf(result.outboxId);
    expect(row.actionUrl).toBeNull();
    expect(row.body).not.toContain("token=");
    expect(row.body).toContain("[link removed: it was delivered by email]");
    expect(row.body).toContain("Click the link below to sign in.");
  });

  it("with the local mailbox on, keep the link: the mailbox is how it is delivered", async () => {
    const mailbox = createEmailSender({ kind: "outbox", from }, handle.db);
    const result = await mailbox(linkEmail("mailbox-link@example.test", "invitation"));

    expect(await rowOf(result.outboxId)).toMatchObject({ actionUrl: signInUrl, status: "simulated" });
    expect((await rowOf(result.outboxId)).body).toContain(signInUrl);
  });

  it("with neither, are recorded without the link, and the server log does not print it", async () => {
    const undeliverable = createEmailSender({ kind: "none", from }, handle.db);
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      const result = await undeliverable(linkEmail("nowhere-link@example.test", "sign_in"));

      const row = await rowOf(result.outboxId);
      expect(row.actionUrl).toBeNull();
      expect(row.body).not.toContain(signInUrl);
      expect(row.body).toContain("[link removed: no email service is connected");
      const logged = log.mock.calls.map((call) => call.join(" ")).join("\n");
      expect(logged).toContain("nowhere-link@example.test");
      expect(logged).not.toContain("token=");
    } finally {
      log.mockRestore();
    }
  });

  it("workflow emails keep their link whatever the provider", async () => {
    const undeliverable = createEmailSender({ kind: "none", from }, handle.db);
    const result = await undeliverable(
      email({
        to: "workflow-link@example.test",
        actionUrl: "https://app.example.test/runs/run_9",
        text: "See https://app.example.test/runs/run_9",
      }),
    );
    expect(await rowOf(result.outboxId)).toMatchObject({
      actionUrl: "https://app.example.test/runs/run_9",
      body: "See https://app.example.test/runs/run_9",
    });
  });
});
