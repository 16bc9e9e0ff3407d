import type { SQL } from "drizzle-orm";
import type { Queryable } from "./client";

/** The rows of a raw statement, whichever driver runs it (postgres.js answers an array, PGlite `{ rows }`). */
export async function queryRows<Row>(db: Queryable, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}
