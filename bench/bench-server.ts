import { spawn, type ChildProcess } from "node:child_process";
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
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
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
