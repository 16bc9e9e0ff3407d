import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import postgres from "postgres";

/** A new database on a running PostgreSQL server, dropped by `drop()`. */
export async function createScratchDatabase(serverUrl: string, prefix = "switchboard_scratch") {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** Where the PostgreSQL server binaries are (Debian's layout), or null when they are not installed. */
export function postgresServerBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  const bin = version ? path.join(root, version, "bin") : null;
  return bin && existsSync(path.join(bin, "initdb")) ? bin : null;
}

function postgresBin(): string {
  const bin = postgresServerBinaries();
  if (!bin) throw new Error("No PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)");
  return bin;
}

/**
 * A PostgreSQL cluster of its own (initdb + pg_ctl, trust auth on 127.0.0.1:`port`) that a test
 * may stop and start at will, as an outage would, without touching the shared server.
 */
export function startThrowawayCluster(port: number) {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-pg-"));
  const dataDir = path.join(dir, "data");
  // PostgreSQL refuses to run as root: run its tools as the postgres user then.
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const { uid, gid } = statSync("/var/lib/postgresql");
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : path.join(bin, tool), asRoot ? ["-u", "postgres", "--", path.join(bin, tool), ...args] : args, {
      stdio: "pipe",
    });
  run("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => run("pg_ctl", ["-D", dataDir, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  const stop = () => run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy() {
      try {
        stop();
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
