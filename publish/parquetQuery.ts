/**
 * The one node reader of the project's Parquet files, for publishing and for
 * tests: a `query(sql)` with DuckDB in node that keeps the contract the pages'
 * DuckDB-WASM client offers (plain rows, BIGINT as Number), so SQL written for
 * the browser (src/lib/…) runs unchanged at build time and in tests.
 */
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {TABLES} from "../loaders/schema/tables.js";
import {tableViewSql} from "../src/lib/servingLayout.js";
import {quoteIdentifier, sqlString} from "../src/lib/sql.js";

export type Row = Record<string, unknown>;
export type Query = (sql: string) => Promise<Row[]>;

export interface TableQuery {
  query: Query;
  close: () => void;
}

const plain = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]));

/** A `query(sql)` over a new in-memory DuckDB, after `setup` has declared its tables. */
async function connectionQuery(setup: (connection: DuckDBConnection) => Promise<void>): Promise<TableQuery> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    await setup(connection);
  } catch (error) {
    close();
    throw error;
  }
  return {query: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS().map(plain), close};
}

/** A `query(sql)` over the given Parquet files, each loaded as a table named by its key. */
export function parquetFilesQuery(files: Record<string, string>): Promise<TableQuery> {
  return connectionQuery(async (connection) => {
    for (const [name, file] of Object.entries(files)) {
      await connection.run(`CREATE TABLE ${quoteIdentifier(name)} AS SELECT * FROM read_parquet(${sqlString(file)})`);
    }
  });
}

/**
 * A `query(sql)` over the serving file (publish/serving/): attached read-only,
 * each table through the same view the pages use (src/lib/servingLayout.js).
 */
export function servingFileQuery(file: string, tables: readonly string[] = Object.keys(TABLES)): Promise<TableQuery> {
  return connectionQuery(async (connection) => {
    await connection.run(`ATTACH ${sqlString(file)} AS serving_file (READ_ONLY)`);
    for (const table of tables) await connection.run(tableViewSql("serving_file", table));
  });
}

/** A `query(sql)` over every Parquet table in `dir` (or only the named `tables`). */
export async function parquetQuery(dir: string, {tables}: {tables?: string[]} = {}): Promise<TableQuery> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".parquet"))
    .map((f) => [f.replace(/\.parquet$/, ""), join(dir, f)] as const)
    .filter(([name]) => !tables || tables.includes(name));
  return parquetFilesQuery(Object.fromEntries(files));
}

/** Runs one query over one Parquet file (loaded as the table `file`) and closes it. */
async function withFile<T>(path: string, read: (query: Query) => Promise<T>): Promise<T> {
  const {query, close} = await parquetFilesQuery({file: path});
  try {
    return await read(query);
  } finally {
    close();
  }
}

/** Every row of a Parquet file as a plain object, ordered by `orderBy` (SQL) when given. */
export function readParquet(path: string, orderBy?: string): Promise<Row[]> {
  return withFile(path, (query) => query(`SELECT * FROM file${orderBy ? ` ORDER BY ${orderBy}` : ""}`));
}

/** The columns of a Parquet file with their DuckDB types. */
export function parquetColumns(path: string): Promise<{name: string; type: string}[]> {
  return withFile(path, async (query) => (await query("DESCRIBE file")).map((r) => ({name: String(r.column_name), type: String(r.column_type)})));
}
