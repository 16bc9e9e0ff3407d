import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import path from "node:path";
import { wait } from "./bench-utils";

/** `next start` of the production build on `port`, resolved once /sign-in answers. */
export async function startBenchServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // BENCH_SERVER_LOG=/tmp/server.log keeps what the server printed (errors under load).
  const logFile = process.env.BENCH_SERVER_LOG;
  let log = "";
  const keep = (chunk: Buffer) => {
    if (logFile) appendFileSync(logFile, chunk);
    else if (log.length < 100_000) log += chunk;
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  for (let i = 0; i < 120; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/sign-in`);
      if (response.ok) return child;
    } catch {
      /* not up yet */
    }
    await wait(500);
  }
  child.kill("SIGTERM");
  throw new Error(`The server did not start:\n${log}`);
}

export async function stopBenchServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
