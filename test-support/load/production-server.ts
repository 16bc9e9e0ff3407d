import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import path from "node:path";

export type ProductionServer = {
  readonly port: number;
  readonly pid: number;
  /** What the server printed so far (the last 200 KB). */
  output(): string;
  /** Like `kill -9`: no shutdown hook runs. */
  crash(): Promise<void>;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
  readonly process: ChildProcess;
};

/**
 * `next start` of the production build (run `next build` first) as a child process in a process
 * group of its own, resolved once `readyPath` answers 200. Tests crash it, benchmarks load it.
 */
export async function startProductionServer(
  port: number,
  env: Record<string, string>,
  options: { readyPath?: string; nodeArgs?: string[]; logFile?: string; timeoutMs?: number } = {},
): Promise<ProductionServer> {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port)],
    {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let log = "";
  const keep = (chunk: Buffer) => {
    if (options.logFile) appendFileSync(options.logFile, chunk);
    log = (log + String(chunk)).slice(-200_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, name);
    } catch {
      child.kill(name);
    }
    await exited;
  };
  const server: ProductionServer = {
    port,
    pid: child.pid!,
    output: () => log,
    crash: () => signal("SIGKILL"),
    stop: () => signal("SIGTERM"),
    process: child,
  };
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const status = await fetch(`http://127.0.0.1:${port}${options.readyPath ?? "/sign-in"}`)
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.crash();
  throw new Error(`The server on port ${port} did not start:\n${log}`);
}
