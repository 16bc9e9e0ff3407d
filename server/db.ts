import { openDatabase, type DatabaseHandle } from "@/db/client";
import { getAppConfig } from "./config/app-config";

// One database handle per server process; kept on globalThis so dev-mode reloads reuse it
// (two PGlite instances on one directory would corrupt it).
const holder = globalThis as unknown as { __switchboardDb?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  holder.__switchboardDb ??= openDatabase(getAppConfig().database).catch((error: unknown) => {
    holder.__switchboardDb = undefined;
    throw error;
  });
  return holder.__switchboardDb;
}

export async function getDb() {
  return (await getDatabaseHandle()).db;
}
