/**
 * The serving file: the published Parquet tables copied into one read-only
 * DuckDB database that DuckDB-WASM attaches over HTTP (src/components/db.js),
 * so a page queries the tables where they lie instead of decoding every row
 * in JavaScript. Parquet stays the contract and the download; this file is
 * written from it, rows in the same order (the tables' orderBy, so DuckDB
 * skips row groups by their min/max exactly as with the Parquet).
 *
 * DuckDB-WASM 1.32.0 runs DuckDB core v1.4.3, which cannot open a file in a
 * newer storage format than its own: the file is written with
 * STORAGE_VERSION 'v1.4.0' (pinned below, tested against DuckDB-WASM in
 * test/publish/serving/servingDatabase.test.ts).
 *
 * Memory: DuckDB streams Parquet into the file; the memory limit keeps a
 * 20 M row build under the loaders' 2 GB (it spills to a temp folder beside
 * the output when needed), and the file is written to a temporary name and
 * renamed, so a reader never sees half a database.
 */
import {randomBytes} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, renameSync, rmSync} from "node:fs";
import {dirname, join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {TABLES, type TableName} from "../../loaders/schema/tables.js";
import {SERVING_SCHEMA, storeTableSql} from "../../src/lib/servingLayout.js";
import {quoteIdentifier, sqlString} from "../../src/lib/sql.js";

/** The storage format DuckDB-WASM 1.32.0 (core v1.4.3) reads. */
export const STORAGE_VERSION = "v1.4.0";
const CATALOG = "serving_file";
/** DuckDB's own memory budget while writing (the process adds ~150 MB). */
export const WRITE_MEMORY_LIMIT = "1GB";

export interface ServingOptions {
  /** Only these tables (default: every table of the contract found in `tablesDir`). */
  tables?: TableName[];
  memoryLimit?: string;
}

/** Writes `<tablesDir>/<name>.parquet` for each table into one DuckDB file at `out`; returns the table names written. */
export async function writeServingDatabase(tablesDir: string, out: string, {tables, memoryLimit = WRITE_MEMORY_LIMIT}: ServingOptions = {}): Promise<TableName[]> {
  const names = (tables ?? (Object.keys(TABLES) as TableName[])).filter((name) => existsSync(join(tablesDir, `${name}.parquet`)));
  if (names.length === 0) throw new Error(`${tablesDir}: no Parquet table of the contract (${Object.keys(TABLES).join(", ")}) to serve`);
  mkdirSync(dirname(out), {recursive: true});
  const temp = `${out}.${randomBytes(6).toString("hex")}.tmp`;
  const spill = `${temp}.spill`;
  const instance = await DuckDBInstance.create(":memory:", {memory_limit: memoryLimit, temp_directory: spill, threads: "2"});
  const connection = await instance.connect();
  try {
    await connection.run(`ATTACH ${sqlString(temp)} AS ${CATALOG} (STORAGE_VERSION ${sqlString(STORAGE_VERSION)})`);
    await connection.run(`CREATE SCHEMA ${CATALOG}.${quoteIdentifier(SERVING_SCHEMA)}`);
    for (const name of names) {
      const schema = TABLES[name];
      const source = `SELECT * FROM read_parquet(${sqlString(join(tablesDir, `${name}.parquet`))})`;
      // The Parquet is already in this order; ORDER BY makes it a guarantee, not a hope.
      for (const statement of storeTableSql(CATALOG, name, {columns: schema.columns.map((c) => c.name), orderBy: schema.orderBy, source})) await connection.run(statement);
    }
    await connection.run(`DETACH ${CATALOG}`);
  } catch (error) {
    rmSync(temp, {force: true});
    throw error;
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(spill, {recursive: true, force: true});
    rmSync(`${temp}.wal`, {force: true});
  }
  renameSync(temp, out);
  return names;
}

/** The tables of the contract present as Parquet in `dir`. */
export function parquetTables(dir: string): TableName[] {
  const present = new Set(readdirSync(dir));
  return (Object.keys(TABLES) as TableName[]).filter((name) => present.has(`${name}.parquet`));
}
