/**
 * The Parquet tables a release is built from, opened in an in-memory DuckDB,
 * with the SHA-256 of every file. The hashes go into the files we publish, so a
 * copy found later can be traced to the exact data it was built from:
 * `sha256sum *.parquet` in the tables folder prints the same per-file hashes,
 * and `sha256sum *.parquet | sha256sum` the combined one.
 */
import {createHash} from "node:crypto";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fail} from "../../loaders/errors.js";
import {parquetQuery, type Query, type Row} from "../parquetQuery.js";
import {TABLES, type TableName} from "../../loaders/schema/tables.js";
import {quoteIdentifier} from "../../src/lib/sql.js";

export type {Query, Row};

export interface TableFile {
  name: TableName;
  file: string;
  sha256: string;
  rows: number;
}

export interface TableSet {
  dir: string;
  query: Query;
  tables: TableFile[];
  /** SHA-256 of the `sha256sum` listing of all table files (sorted by file name). */
  digest: string;
  close(): void;
}

export const sha256 = (bytes: Uint8Array | string): string => createHash("sha256").update(bytes).digest("hex");

/** The combined hash: what `sha256sum *.parquet | sha256sum` prints for these files. */
export function combinedDigest(tables: {name: string; sha256: string}[]): string {
  const listing = [...tables]
    .map((t) => ({file: `${t.name}.parquet`, sha256: t.sha256}))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((t) => `${t.sha256}  ${t.file}\n`)
    .join("");
  return sha256(listing);
}

/** Opens every table of the contract (loaders/schema/tables.ts) from `dir`. */
export async function openTableSet(dir: string): Promise<TableSet> {
  const names = Object.keys(TABLES) as TableName[];
  for (const name of names) {
    if (!existsSync(join(dir, `${name}.parquet`))) fail({file: join(dir, `${name}.parquet`)}, `missing table (expected all of ${names.map((n) => `${n}.parquet`).join(", ")} in ${dir})`);
  }
  // Hash the bytes of each table; DuckDB then reads the same files.
  const hashed = names.map((name) => ({name, file: join(dir, `${name}.parquet`), sha256: sha256(readFileSync(join(dir, `${name}.parquet`)))}));
  const {query, close} = await parquetQuery(dir);
  try {
    const tables: TableFile[] = [];
    for (const t of hashed) {
      const [count] = await query(`SELECT count(*) AS n FROM ${quoteIdentifier(t.name)}`);
      tables.push({...t, rows: Number(count!.n)});
    }
    return {dir, query, tables, digest: combinedDigest(tables), close};
  } catch (error) {
    close();
    throw error;
  }
}
