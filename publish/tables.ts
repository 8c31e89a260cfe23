/**
 * Framework runs each `src/data/<table>.parquet.ts` loader as its own process,
 * often several at once. They share one build of all tables, cached under
 * .cache/tables/<hash of every input>/: the first loader to need it builds it
 * into a private folder and renames it into place (atomic), the others reuse
 * it. A change to any file in data/ or loaders/ changes the hash.
 */
import {createHash, randomBytes} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import type {TableName} from "../loaders/schema/tables.js";

export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

export function inputsHash(paths: string[], root = PROJECT_ROOT): string {
  const hash = createHash("sha256");
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) visit(join(path, name));
    else hash.update(relative(root, path)).update("\0").update(readFileSync(path)).update("\0");
  };
  for (const path of paths) visit(path);
  return hash.digest("hex").slice(0, 16);
}

/** Builds (or reuses) all tables for the data in `dataDir`; returns the folder holding them. */
export async function ensureTables(dataDir = join(PROJECT_ROOT, "data"), cacheDir = join(PROJECT_ROOT, ".cache", "tables")): Promise<string> {
  const key = inputsHash([dataDir, join(PROJECT_ROOT, "loaders")]);
  const dir = join(cacheDir, key);
  if (existsSync(join(dir, "observations.parquet"))) return dir;
  const work = join(cacheDir, `.building-${key}-${randomBytes(4).toString("hex")}`);
  mkdirSync(work, {recursive: true});
  try {
    // Imported only on a cache miss: the pipeline (readers, exceljs, DuckDB) costs each of Framework's
    // loader processes half a second to load, and most of them only read the cached tables.
    const {buildTables} = await import("../loaders/pipeline.js");
    await buildTables(dataDir, work);
    try {
      renameSync(work, dir);
    } catch (error) {
      // Another loader finished the same build first: use that one.
      if (!existsSync(join(dir, "observations.parquet"))) throw error;
    }
  } finally {
    rmSync(work, {recursive: true, force: true});
  }
  return dir;
}

/** The path of one table's Parquet file in the current build (built first if needed). */
export async function tableFile(name: TableName): Promise<string> {
  return join(await ensureTables(), `${name}.parquet`);
}
