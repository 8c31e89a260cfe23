import {randomBytes} from "node:crypto";
import {rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";

/**
 * DuckDB's own memory budget in a load. Without one DuckDB takes up to 80 % of
 * the machine's memory and a 20-million-row register load peaked at 2.8 GB;
 * with it, sorting and staging spill to a temporary folder instead, and the
 * whole process stays under 2 GB (`npm run bench -- loaders`).
 */
export const LOADER_MEMORY_LIMIT = "1GB";

/**
 * The in-memory DuckDB a load runs in, with the memory limit and a private
 * spill folder (removed again by `close`).
 */
export async function openLoaderDatabase(): Promise<{instance: DuckDBInstance; close: () => void}> {
  const spill = join(tmpdir(), `oj-load-spill-${randomBytes(6).toString("hex")}`);
  const instance = await DuckDBInstance.create(":memory:", {memory_limit: LOADER_MEMORY_LIMIT, temp_directory: spill});
  return {
    instance,
    close() {
      instance.closeSync();
      rmSync(spill, {recursive: true, force: true});
    }
  };
}
