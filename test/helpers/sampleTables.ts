import {buildTables} from "../../loaders/pipeline.js";
import {DATA, tempDir} from "./dataDir.js";
import {tableQuery} from "./tableQuery.js";

let built: Promise<string> | undefined;

/** The committed sample data (data/) through the real pipeline, built once per test worker. */
export function sampleTablesDir(): Promise<string> {
  built ??= (async () => {
    const out = tempDir("oj-sample-");
    await buildTables(DATA, out);
    return out;
  })();
  return built;
}

/** A DuckDB `query(sql)` over the sample tables (close it when done). */
export async function sampleTableQuery() {
  return tableQuery(await sampleTablesDir());
}
