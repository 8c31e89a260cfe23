import {readdirSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";

export type Row = Record<string, unknown>;
export type Query = (sql: string) => Promise<Row[]>;

/**
 * A `query(sql)` over every Parquet table in `dir`, with DuckDB in node: the
 * contract the pages' DuckDB-WASM client offers (plain rows, BIGINT as Number),
 * so SQL written for the browser (src/lib/…) runs unchanged in loaders
 * and tests.
 */
export async function parquetQuery(dir: string): Promise<{query: Query; close: () => void}> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".parquet"))) {
    const name = file.replace(/\.parquet$/, "");
    await connection.run(`CREATE TABLE "${name}" AS SELECT * FROM read_parquet('${join(dir, file).replaceAll("'", "''")}')`);
  }
  return {
    query: async (sql: string) =>
      (await connection.runAndReadAll(sql)).getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]))),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    }
  };
}
