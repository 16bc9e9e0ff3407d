import { describe, expect, it } from "vitest";
import { sampleEvent, sampleEventWith } from "../../events/sample-events";
import { renderTemplate } from "../../templates/liquid";
import { ActionInputError, type ActionContext } from "../node-definition";
import { delay, delayDuration, delayLongerThanDays } from "./delay";
import { sendEmail } from "./send-email";
import { sendSms } from "./send-sms";
import { tagCall } from "./tag-call";
import { isHttpUrl, webhook } from "./webhook";

const ctx: ActionContext = {
  org: { id: "org_1", name: "Acme Dental", timezone: "America/Los_Angeles", defaultSmsNumber: "+14155550000" },
  run: { id: "run_1", workflowId: "wf_1", workflowName: "Missed calls", mode: "test" },
  renderTemplate,
};

describe("send SMS", () => {
  const config = sendSms.configSchema.parse({ body: 'Hi {{ caller.name | default: "there" }}, sorry we missed you!' });

  it("texts the caller from the number they called", () => {
    expect(sendSms.prepare(config, sampleEvent("call.missed"), ctx)).toEqual({
      to: "+14155550123",
      from: "+14155550100",
      body: "Hi Jane Doe, sorry we missed you!",
      encoding: "GSM-7",
      segments: 1,
    });
  });

  it("falls back to the organisation's default number when the event has no tracking number", () => {
    expect(sendSms.prepare(config, sampleEvent("form.submitted"), ctx).from).toBe("+14155550000");
  });

  it("refuses when there is nobody to text or nothing to text from", () => {
    const anonymous = sampleEventWith("form.submitted", (draft) => {
      draft.caller = null;
    });
    expect(() => sendSms.prepare(config, anonymous, ctx)).toThrow(ActionInputError);
    const noDefault = { ...ctx, org: { ...ctx.org, defaultSmsNumber: null } };
    try {
      sendSms.prepare(config, sampleEvent("form.submitted"), noDefault);
      expect.unreachable();
    } catch (error) {
      expect((error as ActionInputError).code).toBe("no_sender");
    }
  });

  it("refuses a message that renders empty", () => {
    const blank = sendSms.configSchema.parse({ body: "{{ caller.nickname }}" });
    expect(() => sendSms.prepare(blank, sampleEvent("call.missed"), ctx)).toThrow(/empty/);
  });

  it("counts segments of the rendered text", () => {
    const long = sendSms.configSchema.parse({ body: `${"a".repeat(150)} {{ caller.name }} 😀` });
    expect(sendSms.prepare(long, sampleEvent("call.missed"), ctx)).toMatchObject({ encoding: "UCS-2", segments: 3 });
  });

  it("limits the body to 1,600 characters", () => {
    expect(sendSms.configSchema.safeParse({ body: "a".repeat(1_600) }).success).toBe(true);
    expect(sendSms.configSchema.safeParse({ body: "a".repeat(1_601) }).success).toBe(false);
    expect(sendSms.configSchema.safeParse({ body: "   " }).success).toBe(false);
  });

  it("summarises the message", () => {
    expect(sendSms.summary({ body: "Sorry we missed your call, we will ring back soon" })).toBe("Text caller: Sorry we missed your call…");
    expect(sendSms.templateFields).toEqual([{ field: "body", label: "Message", maxLength: 1_600 }]);
  });
});

describe("send email", () => {
  it("renders subject and body and adds a call summary", () => {
    const config = sendEmail.configSchema.parse({
      to: "all_members",
      subject: "Missed call from {{ caller.name }}\r\nBcc: evil@example.com",
      body: "Call back {{ caller.phone_number }}",
    });
    const input = sendEmail.prepare(config, sampleEvent("call.missed"), ctx);
    expect(input.recipients).toEqual({ type: "all_members", addresses: [] });
    expect(input.subject).toBe("Missed call from Jane Doe Bcc: evil@example.com");
    expect(input.body).toBe("Call back +14155550123");
    expect(input.summary).toContainEqual({ label: "Caller", value: "Jane Doe (+14155550123)" });
  });

  it("sends to chosen addresses and can leave the summary out", () => {
    const config = sendEmail.configSchema.parse({
      to: "addresses",
      addresses: ["a@example.com", "b@example.com"],
      subject: "Hi",
      includeSummary: false,
    });
    const input = sendEmail.prepare(config, sampleEvent("call.missed"), ctx);
    expect(input.recipients).toEqual({ type: "addresses", addresses: ["a@example.com", "b@example.com"] });
    expect(input.summary).toBeNull();
    expect(input.body).toBe("");
  });

  it("ignores stored addresses when sending to me", () => {
    const config = sendEmail.configSchema.parse({ to: "me", addresses: ["a@example.com"], subject: "Hi" });
    expect(sendEmail.prepare(config, sampleEvent("call.missed"), ctx).recipients).toEqual({ type: "me", addresses: [] });
  });

  it("validates recipients and lengths", () => {
    const base = { to: "addresses", subject: "Hi" };
    expect(sendEmail.configSchema.safeParse({ ...base, addresses: [] }).success).toBe(false);
    expect(sendEmail.configSchema.safeParse({ ...base, addresses: ["not-an-email"] }).success).toBe(false);
    expect(sendEmail.configSchema.safeParse({ to: "me", subject: "a".repeat(201) }).success).toBe(false);
    expect(sendEmail.configSchema.safeParse({ to: "me", subject: "Hi", body: "a".repeat(10_001) }).success).toBe(false);
    expect(sendEmail.configSchema.safeParse({ to: "me", subject: "Hi", body: "a".repeat(10_000) }).success).toBe(true);
  });

  it("summarises", () => {
    expect(sendEmail.summary(sendEmail.configSchema.parse({ to: "me", subject: "New lead" }))).toBe("Email me: New lead");
    expect(sendEmail.summary(sendEmail.configSchema.parse({ to: "all_members", subject: "New lead" }))).toBe("Email all members: New lead");
    expect(sendEmail.summary(sendEmail.configSchema.parse({ to: "addresses", addresses: ["a@x.com", "b@x.com"], subject: "Hi" }))).toBe(
      "Email a@x.com +1 more: Hi",
    );
  });
});

describe("webhook", () => {
  it("posts the event with the workflow and run, and the extra headers", () => {
    const config = webhook.configSchema.parse({
      urls: ["https://hooks.example.com/in"],
      headers: [{ name: "X-Api-Key", value: "secret" }],
    });
    const event = sampleEvent("call.missed");
    const input = webhook.prepare(config, event, ctx);
    expect(input).toEqual({
      urls: ["https://hooks.example.com/in"],
      method: "POST",
      headers: { "X-Api-Key": "secret" },
      body: { ...event, workflow: { id: "wf_1", name: "Missed calls" }, run: { id: "run_1", mode: "test" } },
    });
    expect(webhook.prepare(config, event, { org: ctx.org, renderTemplate }).body).toMatchObject({ workflow: null, run: null });
  });

  it("accepts 1 to 5 distinct http(s) addresses", () => {
    const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://example.com/${i}`);
    expect(webhook.configSchema.safeParse({ urls: [] }).success).toBe(false);
    expect(webhook.configSchema.safeParse({ urls: urls(5) }).success).toBe(true);
    expect(webhook.configSchema.safeParse({ urls: urls(6) }).success).toBe(false);
    expect(webhook.configSchema.safeParse({ urls: ["https://a.com", "https://a.com"] }).success).toBe(false);
  });

  it("checks URL syntax only", () => {
    expect(isHttpUrl("https://example.com/hook?x=1")).toBe(true);
    expect(isHttpUrl("http://10.0.0.1/")).toBe(true); // private addresses are refused server-side
    expect(isHttpUrl("ftp://example.com/")).toBe(false);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
    expect(isHttpUrl("example.com")).toBe(false);
    expect(isHttpUrl("https://user:pass@example.com/")).toBe(false);
  });

  it("refuses headers the sender sets itself, duplicates and line breaks", () => {
    const withHeaders = (headers: unknown) => webhook.configSchema.safeParse({ urls: ["https://a.com"], headers }).success;
    expect(withHeaders([{ name: "Authorization", value: "Bearer x" }])).toBe(true);
    expect(withHeaders([{ name: "webhook-signature", value: "x" }])).toBe(false);
    expect(withHeaders([{ name: "Content-Type", value: "text/plain" }])).toBe(false);
    expect(withHeaders([{ name: "Bad Name", value: "x" }])).toBe(false);
    expect(withHeaders([{ name: "X-A", value: "x\r\nInjected: 1" }])).toBe(false);
    expect(
      withHeaders([
        { name: "X-A", value: "1" },
        { name: "x-a", value: "2" },
      ]),
    ).toBe(false);
  });

  it("summarises by host", () => {
    expect(webhook.summary({ urls: ["https://hooks.zapier.com/x"], headers: [] })).toBe("POST to hooks.zapier.com");
    expect(webhook.summary({ urls: ["https://a.com/x", "https://b.com"], headers: [] })).toBe("POST to a.com +1 more");
    expect(webhook.summary({ urls: [], headers: [] })).toBe("POST to …");
    expect(webhook.summary({ urls: ["not a url"], headers: [] })).toBe("POST to not a url");
  });
});

describe("delay", () => {
  it("turns amount and unit into a step duration", () => {
    expect(delayDuration({ amount: 30, unit: "minutes" })).toEqual({ duration: "30m", milliseconds: 1_800_000 });
    expect(delayDuration({ amount: 2, unit: "hours" })).toEqual({ duration: "2h", milliseconds: 7_200_000 });
    expect(delay.prepare({ amount: 1, unit: "days" }, sampleEvent("call.missed"), ctx)).toEqual({
      duration: "1d",
      milliseconds: 86_400_000,
    });
  });

  it("waits between 1 minute and 30 days", () => {
    expect(delay.configSchema.safeParse({ amount: 0, unit: "minutes" }).success).toBe(false);
    expect(delay.configSchema.safeParse({ amount: 1.5, unit: "hours" }).success).toBe(false);
    expect(delay.configSchema.safeParse({ amount: 30, unit: "days" }).success).toBe(true);
    expect(delay.configSchema.safeParse({ amount: 31, unit: "days" }).success).toBe(false);
    expect(delay.configSchema.safeParse({ amount: 721, unit: "hours" }).success).toBe(false);
  });

  it("summarises", () => {
    expect(delay.summary({ amount: 30, unit: "minutes" })).toBe("Wait 30 minutes");
    expect(delay.summary({ amount: 1, unit: "hours" })).toBe("Wait 1 hour");
  });
});

describe("tag call", () => {
  it("adds distinct tags to the event's call", () => {
    const config = tagCall.configSchema.parse({ tags: ["lead", " vip ", "lead"] });
    expect(tagCall.prepare(config, sampleEvent("call.missed"), ctx)).toEqual({
      callId: "call_sample",
      externalId: "CA9f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e",
      tags: ["lead", "vip"],
    });
  });

  it("refuses events without a call", () => {
    expect(() => tagCall.prepare({ tags: ["x"] }, sampleEvent("sms.received"), ctx)).toThrow(/no call/);
    expect(tagCall.fitsEventTypes).not.toContain("sms.received");
  });

  it("validates and summarises", () => {
    expect(tagCall.configSchema.safeParse({ tags: [] }).success).toBe(false);
    expect(tagCall.configSchema.safeParse({ tags: [""] }).success).toBe(false);
    expect(tagCall.summary({ tags: ["lead", "vip"] })).toBe("Tag call: lead and vip");
  });
});

describe("delayLongerThanDays", () => {
  it("tells a wait past an executor's longest sleep from one within it, whatever the unit", () => {
    expect(delayLongerThanDays({ amount: 8, unit: "days" }, 7)).toBe(true);
    expect(delayLongerThanDays({ amount: 7, unit: "days" }, 7)).toBe(false);
    expect(delayLongerThanDays({ amount: 169, unit: "hours" }, 7)).toBe(true);
    expect(delayLongerThanDays({ amount: 10_080, unit: "minutes" }, 7)).toBe(false);
    // Half-typed settings are no reason to warn.
    expect(delayLongerThanDays({ unit: "days" }, 7)).toBe(false);
  });
});
