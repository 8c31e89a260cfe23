import {afterAll, beforeAll} from "vitest";
import {buildTables} from "../../loaders/pipeline.js";
import type {Query, TableQuery} from "../../publish/parquetQuery.js";
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

/**
 * The sample tables for the tests around the call (a file or a describe block):
 * opened before them, closed after. Read `dir` and `query` inside tests and hooks.
 */
export function useSampleTables(): {readonly dir: string; readonly query: Query} {
  let opened: (TableQuery & {dir: string}) | undefined;
  beforeAll(async () => {
    const dir = await sampleTablesDir();
    opened = {dir, ...(await tableQuery(dir))};
  });
  afterAll(() => opened?.close());
  const get = () => {
    if (!opened) throw new Error("the sample tables open in beforeAll: use them inside a test or hook");
    return opened;
  };
  return {
    get dir() {
      return get().dir;
    },
    get query() {
      return get().query;
    }
  };
}
