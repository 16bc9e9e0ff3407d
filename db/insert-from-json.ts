import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * `insert into <table> (…) select … from jsonb_populate_recordset(…)` for rows keyed by the
 * schema's property names: the whole batch is one JSON parameter, which costs far less to build
 * than a VALUES list of hundreds of parameters. The columns are those of the first row; append
 * `on conflict …` / `returning …` as needed.
 */
export function insertFromJson<Table extends PgTable>(table: Table, rows: Array<Partial<Table["$inferInsert"]>>): SQL {
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0] ?? {});
  const names = sql.raw(keys.map((key) => `"${columns[key]!.name}"`).join(", "));
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(keys.map((key) => [columns[key]!.name, (row as Record<string, unknown>)[key] ?? null]))),
  );
  return sql`insert into ${table} (${names}) select ${names} from jsonb_populate_recordset(null::${sql.identifier(getTableName(table))}, ${json}::jsonb)`;
}
