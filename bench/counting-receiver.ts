import http from "node:http";
import type { AddressInfo } from "node:net";

/** A webhook target that only counts: deliveries, repeats of a webhook-id, and when the first and last arrived. */
export async function startCountingReceiver() {
  const state = { count: 0, duplicates: 0, firstAt: 0, lastAt: 0 };
  const seen = new Set<string>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const now = performance.now();
      if (state.count === 0) state.firstAt = now;
      state.count += 1;
      const id = String(req.headers["webhook-id"] ?? "");
      if (seen.has(id)) state.duplicates += 1;
      seen.add(id);
      state.lastAt = now;
      res.writeHead(200).end("ok");
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    state,
    reset() {
      state.count = 0;
      state.duplicates = 0;
      seen.clear();
      state.firstAt = 0;
      state.lastAt = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
