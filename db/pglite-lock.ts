import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";

/** A second process tried to open a PGlite data folder that another one has open. */
export class DatabaseInUseError extends Error {
  constructor(dataDir: string, holder: { pid: number; host: string }) {
    super(
      `The embedded database in ${dataDir} is already open in process ${holder.pid} on ${holder.host}. ` +
        "PGlite serves one process: stop the other one, or set DATABASE_URL to a PostgreSQL database to run several app servers on one database.",
    );
    this.name = "DatabaseInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): { pid: number; host: string } | null {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, "utf8")) as { pid?: unknown; host?: unknown };
    return typeof parsed.pid === "number" && typeof parsed.host === "string" ? { pid: parsed.pid, host: parsed.host } : null;
  } catch {
    return null;
  }
}

/**
 * Claims a PGlite data folder for this process with a lock file beside it, so a second process
 * gets a clear error instead of corrupting the folder. A lock left by a process that is gone
 * (kill -9) is taken over at once, so a restart after a crash needs no cleanup. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  const self = { pid: process.pid, host: hostname() };
  for (let tries = 0; tries < 3; tries += 1) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, JSON.stringify(self));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const holder = readHolder(lockPath);
        if (holder?.pid === self.pid && holder.host === self.host) unlinkSync(lockPath);
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      // Another host's process cannot be checked from here: refuse rather than risk the folder.
      if (holder && (holder.host !== self.host || (holder.pid !== self.pid && isAlive(holder.pid)))) {
        throw new DatabaseInUseError(dataDir, holder);
      }
      if (holder?.pid === self.pid) throw new DatabaseInUseError(dataDir, holder);
      try {
        unlinkSync(lockPath);
      } catch {
        // Someone else removed it first; try again.
      }
    }
  }
  throw new Error(`Could not lock ${dataDir}: its lock file ${lockPath} keeps changing.`);
}
