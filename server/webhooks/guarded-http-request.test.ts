import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "@/test-support/stand-ins/webhook-receiver";
import { sendGuardedRequest, WebhookDeliveryError, type GuardedRequest } from "./guarded-http-request";
import type { ResolveHost } from "./resolve-checked-addresses";

const post = (url: string, overrides: Partial<GuardedRequest> = {}): Promise<unknown> =>
  sendGuardedRequest({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
    allowPrivate: false,
    ...overrides,
  });

async function deliveryError(promise: Promise<unknown>): Promise<WebhookDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WebhookDeliveryError);
  return error as WebhookDeliveryError;
}

let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await receiver?.close();
  receiver = undefined;
});

describe("sendGuardedRequest refuses private targets at send time (setting off)", () => {
  it.each([
    "http://127.0.0.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://10.0.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://100.64.0.1/",
    "http://0.0.0.0/",
    "http://[fc00::1]/",
    "http://[fe80::1]/",
    "http://192.168.1.1/",
    "http://172.16.0.1/",
  ])("refuses %s before opening any connection", async (url) => {
    // Also keeps a broken guard from ever reaching those addresses.
    const connect = vi.spyOn(net.Socket.prototype, "connect").mockImplementation(() => {
      throw new Error("a connection was attempted");
    });
    const error = await deliveryError(post(url));
    expect(error.kind).toBe("blocked");
    expect(error.message).toBe("Address is private and not allowed");
    expect(connect).not.toHaveBeenCalled();
  });

  it("refuses localhost, whose addresses are checked inside the connection's lookup", async () => {
    receiver = await startWebhookReceiver();
    const error = await deliveryError(post(`http://localhost:${receiver.port}/`));
    expect(error.kind).toBe("blocked");
    expect(receiver.requests).toHaveLength(0);
  });

  it("refuses a host name that resolves to one public and one private address", async () => {
    receiver = await startWebhookReceiver();
    // Loopback first, so a guard that let this through would reach our receiver and nothing outside.
    const lookup: ResolveHost = async () => [
      { address: "127.0.0.1", family: 4 },
      { address: "93.184.216.34", family: 4 },
    ];
    const error = await deliveryError(post(`http://hooks.example.test:${receiver.port}/`, { lookup }));
    expect(error).toMatchObject({ kind: "blocked", message: "Address is private and not allowed" });
    expect(receiver.requests).toHaveLength(0);
  });

  it("refuses other schemes", async () => {
    const error = await deliveryError(post("ftp://127.0.0.1/"));
    expect(error).toMatchObject({ kind: "blocked", message: "Only http and https URLs can be used" });
  });
});

describe("sendGuardedRequest with private targets allowed", () => {
  it("reuses one connection for deliveries one after another to the same receiver", async () => {
    let connections = 0;
    const server = http.createServer((request, response) => request.resume().on("end", () => response.end("ok")));
    server.on("connection", () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      for (let i = 0; i < 3; i++) {
        const response = await sendGuardedRequest({
          url: `http://127.0.0.1:${port}/`,
          method: "POST",
          headers: {},
          body: "{}",
          allowPrivate: true,
        });
        expect(response.status).toBe(200);
      }
      expect(connections).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("posts to the receiver on 127.0.0.1 and reports its answer", async () => {
    receiver = await startWebhookReceiver({ respondWith: () => ({ status: 202, body: "accepted", headers: { "X-Reply": "yes" } }) });
    const response = await sendGuardedRequest({
      url: `${receiver.url}/hooks/in?source=test`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"hello":"world"}',
      allowPrivate: true,
    });
    expect(response).toMatchObject({ status: 202, body: "accepted", truncated: false });
    expect(response.headers["x-reply"]).toBe("yes");
    expect(response.durationMs).toBeGreaterThanOrEqual(0);
    expect(receiver.requests).toEqual([
      expect.objectContaining({ method: "POST", path: "/hooks/in?source=test", body: '{"hello":"world"}' }),
    ]);
    expect(receiver.requests[0]!.headers["content-type"]).toBe("application/json");
  });

  it("turns what PostgreSQL cannot store in a receiver's answer (a NUL) into U+FFFD, so the run log can keep it", async () => {
    receiver = await startWebhookReceiver({ respondWith: () => ({ status: 200, body: "<h1>hi</h1>\u0000\u202eRTL" }) });
    const response = await sendGuardedRequest({ url: receiver.url, method: "POST", headers: {}, body: "{}", allowPrivate: true });
    expect(response.body).toBe("<h1>hi</h1>\uFFFD\u202eRTL");
  });

  it("dials the address its single lookup returned", async () => {
    receiver = await startWebhookReceiver();
    const lookup = vi.fn<ResolveHost>(async () => [{ address: "127.0.0.1", family: 4 }]);
    const response = await sendGuardedRequest({
      url: `http://hooks.example.test:${receiver.port}/`,
      method: "POST",
      headers: {},
      body: "{}",
      allowPrivate: true,
      lookup,
    });
    expect(response.status).toBe(200);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(receiver.requests[0]!.headers.host).toBe(`hooks.example.test:${receiver.port}`);
  });

  it("reaches localhost through the system resolver", async () => {
    receiver = await startWebhookReceiver();
    const response = await sendGuardedRequest({
      url: `http://localhost:${receiver.port}/`,
      method: "POST",
      headers: {},
      body: "{}",
      allowPrivate: true,
    });
    expect(response.status).toBe(200);
    expect(receiver.requests).toHaveLength(1);
  });

  it("does not follow a redirect", async () => {
    receiver = await startWebhookReceiver({
      respondWith: (request) =>
        request.path === "/start" ? { status: 302, headers: { location: "/elsewhere" } } : { status: 200, body: "followed" },
    });
    const response = await sendGuardedRequest({
      url: `${receiver.url}/start`,
      method: "POST",
      headers: {},
      body: "{}",
      allowPrivate: true,
    });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe("/elsewhere");
    expect(receiver.requests.map((request) => request.path)).toEqual(["/start"]);
  });

  it("gives up on a receiver that never answers", async () => {
    receiver = await startWebhookReceiver({ respondWith: () => new Promise(() => {}) });
    const error = await deliveryError(
      sendGuardedRequest({ url: receiver.url, method: "POST", headers: {}, body: "{}", allowPrivate: true, timeoutMs: 300 }),
    );
    expect(error).toMatchObject({ kind: "timeout", message: "Timed out after 0.3 s" });
  });

  it("gives up on a receiver that starts answering and then stalls", async () => {
    const server = http.createServer((_request, response) => {
      response.writeHead(200);
      response.write("partial");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const error = await deliveryError(
        sendGuardedRequest({
          url: `http://127.0.0.1:${port}/`,
          method: "POST",
          headers: {},
          body: "{}",
          allowPrivate: true,
          timeoutMs: 300,
        }),
      );
      expect(error.kind).toBe("timeout");
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("keeps only the first 8 KB of a large response", async () => {
    receiver = await startWebhookReceiver({ respondWith: () => ({ status: 200, body: "x".repeat(100_000) }) });
    const response = await sendGuardedRequest({ url: receiver.url, method: "POST", headers: {}, body: "{}", allowPrivate: true });
    expect(response.truncated).toBe(true);
    expect(response.body).toBe("x".repeat(8192));
  });

  it("keeps a body of exactly the limit whole", async () => {
    receiver = await startWebhookReceiver({ respondWith: () => ({ status: 200, body: "y".repeat(8192) }) });
    const response = await sendGuardedRequest({ url: receiver.url, method: "POST", headers: {}, body: "{}", allowPrivate: true });
    expect(response).toMatchObject({ truncated: false, body: "y".repeat(8192) });
  });

  it("says the connection was refused when nothing listens", async () => {
    const closed = await startWebhookReceiver();
    await closed.close();
    const error = await deliveryError(sendGuardedRequest({ url: closed.url, method: "POST", headers: {}, body: "{}", allowPrivate: true }));
    expect(error).toMatchObject({ kind: "connection_refused", message: "Connection refused" });
  });

  it("reports a host name that does not exist as a DNS failure", async () => {
    const lookup: ResolveHost = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    const error = await deliveryError(
      sendGuardedRequest({ url: "http://no-such-host.example/", method: "POST", headers: {}, body: "{}", allowPrivate: true, lookup }),
    );
    expect(error).toMatchObject({ kind: "dns", message: "This host name does not exist" });
  });

  it("reports a failed TLS handshake as a TLS error", async () => {
    // A plain-HTTP listener answering a TLS client makes the handshake fail locally.
    receiver = await startWebhookReceiver();
    const error = await deliveryError(
      sendGuardedRequest({ url: `https://127.0.0.1:${receiver.port}/`, method: "POST", headers: {}, body: "{}", allowPrivate: true }),
    );
    expect(error.kind).toBe("tls");
  });
});
