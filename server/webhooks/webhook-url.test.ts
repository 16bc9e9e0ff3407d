import { describe, expect, it, vi } from "vitest";
import { checkWebhookUrl, parseWebhookUrl } from "./webhook-url";
import type { ResolveHost } from "./resolve-checked-addresses";

const resolvesTo =
  (...addresses: string[]): ResolveHost =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

const refusedTargets = [
  "http://127.0.0.1/",
  "http://localhost/",
  "http://[::1]/",
  "http://[::ffff:127.0.0.1]/",
  "http://10.0.0.1/",
  "http://169.254.169.254/latest/meta-data/",
  "http://2130706433/",
  "http://0x7f.1/",
  "http://0177.0.0.1/",
  "http://100.64.0.1/",
  "http://0.0.0.0/",
  "http://[fc00::1]/",
  "http://[fe80::1]/",
  "http://192.168.1.1/",
  "http://172.16.0.1/",
  "https://[::ffff:a9fe:a9fe]/",
];

describe("parseWebhookUrl", () => {
  it("normalises numeric, hex and octal IPv4 spellings to the real address", () => {
    for (const raw of ["http://2130706433/", "http://0x7f.1/", "http://0177.0.0.1/"]) {
      const parsed = parseWebhookUrl(raw);
      expect(parsed.ok && parsed.hostname).toBe("127.0.0.1");
    }
  });

  it("strips the brackets from an IPv6 host", () => {
    const parsed = parseWebhookUrl("http://[::1]:8080/x");
    expect(parsed.ok && parsed.hostname).toBe("::1");
  });

  it.each([
    ["ftp://example.com/", "Only http and https URLs can be used"],
    ["file:///etc/passwd", "Only http and https URLs can be used"],
    ["javascript:alert(1)", "Only http and https URLs can be used"],
    ["https://user:secret@example.com/", "Remove the user name and password from the URL"],
    ["https://user@example.com/", "Remove the user name and password from the URL"],
    ["not a url", "This is not a valid URL"],
    ["", "This is not a valid URL"],
  ])("refuses %s", (raw, reason) => {
    expect(parseWebhookUrl(raw)).toEqual({ ok: false, reason });
  });

  it("accepts an ordinary https URL", () => {
    const parsed = parseWebhookUrl(" https://hooks.example.com/in?x=1 ");
    expect(parsed.ok && parsed.url.href).toBe("https://hooks.example.com/in?x=1");
  });
});

describe("checkWebhookUrl with private targets not allowed (the default setting)", () => {
  it.each(refusedTargets)("refuses %s", async (raw) => {
    expect(await checkWebhookUrl(raw, { allowPrivate: false })).toEqual({
      ok: false,
      reason: "Address is private and not allowed",
    });
  });

  it("refuses a host name when any one of its addresses is private, whichever comes first", async () => {
    for (const lookup of [
      resolvesTo("93.184.216.34", "10.0.0.1"),
      resolvesTo("10.0.0.1", "93.184.216.34"),
      resolvesTo("2606:4700::1", "::1"),
    ]) {
      expect(await checkWebhookUrl("https://hooks.example.com/", { allowPrivate: false, lookup })).toEqual({
        ok: false,
        reason: "Address is private and not allowed",
      });
    }
  });

  it("accepts a host name whose addresses are all public", async () => {
    const lookup = vi.fn(resolvesTo("93.184.216.34", "2606:4700::1"));
    expect(await checkWebhookUrl("https://hooks.example.com/in", { allowPrivate: false, lookup })).toEqual({ ok: true });
    expect(lookup).toHaveBeenCalledWith("hooks.example.com");
  });

  it("checks an address literal without looking anything up", async () => {
    const lookup = vi.fn(resolvesTo("93.184.216.34"));
    await checkWebhookUrl("http://10.0.0.1/", { allowPrivate: false, lookup });
    expect(lookup).not.toHaveBeenCalled();
  });

  it("refuses ftp:// in words a marketer can act on", async () => {
    expect(await checkWebhookUrl("ftp://example.com/file", { allowPrivate: false })).toEqual({
      ok: false,
      reason: "Only http and https URLs can be used",
    });
  });

  it("says when the host name does not exist", async () => {
    const lookup: ResolveHost = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    expect(await checkWebhookUrl("https://no-such-host.example/", { allowPrivate: false, lookup })).toEqual({
      ok: false,
      reason: "This host name does not exist",
    });
    expect(await checkWebhookUrl("https://empty.example/", { allowPrivate: false, lookup: resolvesTo() })).toEqual({
      ok: false,
      reason: "This host name does not exist",
    });
  });
});

describe("checkWebhookUrl with private targets allowed (local development and tests)", () => {
  it("accepts loopback and private addresses", async () => {
    expect(await checkWebhookUrl("http://127.0.0.1:3000/hook", { allowPrivate: true })).toEqual({ ok: true });
    expect(await checkWebhookUrl("http://localhost:3000/hook", { allowPrivate: true })).toEqual({ ok: true });
    expect(await checkWebhookUrl("http://10.0.0.1/", { allowPrivate: true })).toEqual({ ok: true });
  });

  it("still refuses other schemes", async () => {
    expect(await checkWebhookUrl("ftp://127.0.0.1/", { allowPrivate: true })).toEqual({
      ok: false,
      reason: "Only http and https URLs can be used",
    });
  });
});
