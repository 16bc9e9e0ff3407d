import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { lockDataDir } from "./pglite-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Database | Transaction;

export type DatabaseTarget =
  { kind: "postgres"; url: string; maxConnections?: number } | { kind: "pglite"; dataDir: string } | { kind: "pglite-memory" };

export type DatabaseHandle = { db: Database; close: () => Promise<void>; target: DatabaseTarget };

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Opens the database and applies pending migrations, with the same code in the app and in tests. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const client = postgres(target.url, {
      max: target.maxConnections ?? 10,
      onnotice: () => {},
      // While the database is away, fail fast (ingest answers 503, runs retry) and reconnect within
      // a second of its return: the driver's default backoff grows to 20 s, and queued queries wait it out.
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
      connect_timeout: 5,
    });
    const db = drizzle(client, { schema, casing: "snake_case" });
    await migrate(db, { migrationsFolder });
    return { db: db as unknown as Database, close: () => client.end({ timeout: 5 }), target };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  let client: InstanceType<typeof PGlite>;
  let unlock = () => {};
  if (target.kind === "pglite") {
    mkdirSync(path.dirname(target.dataDir), { recursive: true });
    unlock = lockDataDir(target.dataDir);
    client = new PGlite(target.dataDir);
  } else {
    client = new PGlite();
  }
  const db = drizzle(client, { schema, casing: "snake_case" });
  try {
    await migrate(db, { migrationsFolder });
  } catch (error) {
    await client.close().catch(() => {});
    unlock();
    throw error;
  }
  const close = async () => {
    await client.close();
    unlock();
  };
  return { db: db as unknown as Database, close, target };
}
