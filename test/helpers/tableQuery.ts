import {readdirSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";

/**
 * A `query(sql)` over every Parquet table in `dir`, with DuckDB in node: the
 * same contract the pages' DuckDB-WASM client offers, so the report
 * components' SQL can be tested outside the browser.
 */
export async function tableQuery(dir: string): Promise<{query: (sql: string) => Promise<Record<string, unknown>[]>; close: () => void}> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".parquet"))) {
    await connection.run(`CREATE TABLE "${file.replace(/\.parquet$/, "")}" AS SELECT * FROM read_parquet('${join(dir, file).replaceAll("'", "''")}')`);
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
