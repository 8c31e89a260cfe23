import {randomBytes} from "node:crypto";
import {mkdirSync, renameSync, rmSync} from "node:fs";
import {dirname} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import type {TableSchema} from "../schema/tables.js";
import {sqlIdent, sqlString} from "./sql.js";

/**
 * Writes a DuckDB table (or query) to `path` as Parquet, sorted the way pages
 * filter it. DuckDB writes to a temporary file beside the target, which is then
 * renamed: a reader never sees a half-written file, and a failed load leaves
 * any previous file untouched.
 */
export async function toParquet(connection: DuckDBConnection, schema: TableSchema, path: string, from = sqlIdent(schema.name)): Promise<void> {
  mkdirSync(dirname(path), {recursive: true});
  const temp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  const columns = schema.columns.map((c) => sqlIdent(c.name)).join(", ");
  const order = schema.orderBy.map(sqlIdent).join(", ");
  try {
    await connection.run(`COPY (SELECT ${columns} FROM ${from} ORDER BY ${order}) TO ${sqlString(temp)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880)`);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, {force: true});
    throw error;
  }
}
