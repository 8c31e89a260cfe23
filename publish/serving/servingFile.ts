/**
 * The site's serving file, built once per set of tables: the loaders that need
 * it (the file itself, the pages' first views) share one copy under
 * .cache/serving/<tables>-<layout>/, keyed by the tables' folder (itself keyed
 * by every input) and by the code that decides the layout.
 */
import {existsSync} from "node:fs";
import {basename, join} from "node:path";
import {ensureTables, inputsHash, PROJECT_ROOT} from "../tables.js";
import {writeServingDatabase} from "./servingDatabase.js";

const LAYOUT_CODE = [join(PROJECT_ROOT, "src", "lib", "servingLayout.js"), join(PROJECT_ROOT, "publish", "serving", "servingDatabase.ts")];

/** The path of the serving file for the current tables (built first if needed). */
export async function servingFile(cacheDir = join(PROJECT_ROOT, ".cache", "serving")): Promise<string> {
  const tables = await ensureTables();
  const path = join(cacheDir, `${basename(tables)}-${inputsHash(LAYOUT_CODE)}`, "tables.duckdb");
  if (!existsSync(path)) await writeServingDatabase(tables, path);
  return path;
}
