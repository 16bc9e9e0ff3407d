// A webhook target on 127.0.0.1 for tests (vitest and Playwright alike): records every request,
// can fail the first N on purpose, and can answer however a test needs.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  receivedAt: Date;
};

export type ReceiverReply = { status: number; body?: string; headers?: Record<string, string> };

export type WebhookReceiverOptions = {
  port?: number;
  /** How many requests to answer with `failStatus` before answering normally. */
  failFirst?: number;
  failStatus?: number;
  /** The normal answer; may take its time (or never settle) to play a slow receiver. Default 200 "ok". */
  respondWith?: (request: ReceivedWebhook) => ReceiverReply | Promise<ReceiverReply>;
};

export type WebhookReceiver = {
  url: string;
  port: number;
  requests: ReceivedWebhook[];
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  setFailFirst(count: number): void;
  close(): Promise<void>;
};

export async function startWebhookReceiver(options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  const waiters = new Set<() => void>();
  let failuresLeft = options.failFirst ?? 0;
  const failStatus = options.failStatus ?? 500;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const received: ReceivedWebhook = {
      method: req.method ?? "",
      path: req.url ?? "/",
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : (value ?? "")]),
      ),
      body: Buffer.concat(chunks).toString("utf8"),
      receivedAt: new Date(),
    };
    requests.push(received);
    for (const wake of waiters) wake();

    let reply: ReceiverReply;
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      reply = { status: failStatus, body: "failing on purpose" };
    } else {
      reply = options.respondWith ? await options.respondWith(received) : { status: 200, body: "ok" };
    }
    if (res.destroyed) return;
    res.writeHead(reply.status, { "content-type": "text/plain", ...reply.headers });
    res.end(reply.body ?? "");
  };
  // A client that hangs up mid-request is part of what tests do; it must not crash the test run.
  const server = http.createServer((req, res) => void handle(req, res).catch(() => res.destroy()));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    waitForRequests(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (requests.length < count) return;
          cleanUp();
          resolve(requests.slice());
        };
        const timer = setTimeout(() => {
          cleanUp();
          reject(new Error(`Webhook receiver saw ${requests.length} of ${count} expected requests within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanUp = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    setFailFirst(count) {
      failuresLeft = count;
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
