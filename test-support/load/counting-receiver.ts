import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A webhook target that counts: deliveries, how often each webhook-id arrived (a repeat is an
 * at-least-once redelivery), and when the first and last arrived. `delayMs` holds each answer
 * back, so that deliveries are still in flight when a test kills the server.
 */
export async function startCountingReceiver(options: { delayMs?: number } = {}) {
  const state = { count: 0, duplicates: 0, firstAt: 0, lastAt: 0 };
  const deliveriesById = new Map<string, number>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const answer = () => {
        const now = performance.now();
        if (state.count === 0) state.firstAt = now;
        state.count += 1;
        const id = String(req.headers["webhook-id"] ?? "");
        const seen = deliveriesById.get(id) ?? 0;
        if (seen > 0) state.duplicates += 1;
        deliveriesById.set(id, seen + 1);
        state.lastAt = now;
        res.writeHead(200).end("ok");
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    state,
    deliveriesById,
    reset() {
      state.count = 0;
      state.duplicates = 0;
      deliveriesById.clear();
      state.firstAt = 0;
      state.lastAt = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type CountingReceiver = Awaited<ReturnType<typeof startCountingReceiver>>;
