// Usage: node scripts/start-fresh.mjs <dir> -- <command…>
// Empties <dir> (a throwaway data directory) and then runs the command in its place.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

const [dir, separator, command, ...args] = process.argv.slice(2);
if (!dir || separator !== "--" || !command) {
  console.error("usage: node scripts/start-fresh.mjs <dir> -- <command…>");
  process.exit(2);
}
rmSync(dir, { recursive: true, force: true });
const child = spawn(command, args, { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
