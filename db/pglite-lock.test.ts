import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { DatabaseInUseError, lockDataDir } from "./pglite-lock";

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function freshDataDir() {
  return path.join(mkdtempSync(path.join(tmpdir(), "pglite-lock-")), "data");
}

describe("one process per PGlite data folder", () => {
  it("refuses a second open of the same folder with words that say what to do, and keeps the first one working", async () => {
    const dataDir = freshDataDir();
    const first = await openDatabase({ kind: "pglite", dataDir });
    cleanups.push(() => first.close());
    await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(
      /already open in process \d+.*set DATABASE_URL to a PostgreSQL/,
    );
    const result = await first.db.execute("select 1 as one");
    expect(result).toBeDefined();
  });

  it("refuses a folder that a live process on this host holds", async () => {
    const dataDir = freshDataDir();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    cleanups.push(() => other.kill("SIGKILL"));
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: other.pid, host: hostname() }));
    expect(() => lockDataDir(dataDir)).toThrow(DatabaseInUseError);
  });

  it("takes over the lock of a process that was killed, so a restart after a crash just works", async () => {
    const dataDir = freshDataDir();
    const dead = spawn(process.execPath, ["-e", "0"], { stdio: "ignore" });
    await new Promise((resolve) => dead.once("exit", resolve));
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: dead.pid, host: hostname() }));
    const handle = await openDatabase({ kind: "pglite", dataDir });
    await handle.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    // …and the folder opens again after a clean close.
    const again = await openDatabase({ kind: "pglite", dataDir });
    await again.close();
  });
});
