// Captures DuckDB's error message for a statement, the way the notebook meets
// it: DuckDB-WASM's pending-query path (connection.send, what a cell without
// parameters uses), its prepared path (prepare + send, a cell with
// parameters), or @duckdb/node-api. Each run gets a fresh database with the
// page's lockdown and a small observations table.
import {DuckDBInstance} from "@duckdb/node-api";
import {LOCKDOWN} from "../../src/lib/duckdbLockdown.js";
import {openWasm} from "./wasmDuckDB.js";

export interface ErrorCase {
  id: string;
  via: "wasm-send" | "wasm-prepared" | "node-api";
  sql: string;
  /** A memory limit set before the lockdown, to provoke Out of Memory. */
  memoryLimit?: string;
}

const SETUP = ["CREATE TABLE observations (kommun VARCHAR, year INT, value DOUBLE)", "INSERT INTO observations VALUES ('0180', 2016, 1.5)"];

type Run = (sql: string, via: ErrorCase["via"]) => Promise<void>;

async function openDatabases(before: string[]): Promise<Run> {
  const node = await (await DuckDBInstance.create(":memory:")).connect();
  for (const statement of before) await node.run(statement);
  const {connection} = await openWasm();
  const wasm = connection as any;
  for (const statement of before) connection.query(statement);
  return async (sql, via) => {
    if (via === "node-api") {
      await node.run(sql);
      return;
    }
    const reader = via === "wasm-send" ? await wasm.send(sql) : wasm.prepare(sql).send(2016);
    for (const _ of reader);
  };
}

/**
 * A capturer: (case) → DuckDB's message for its statement; throws when the
 * statement ran without error. Databases are opened once per memory limit.
 */
export function errorCapture(): (errorCase: ErrorCase) => Promise<string> {
  const opened = new Map<string, Promise<Run>>();
  return async ({via, sql, memoryLimit = ""}) => {
    if (!opened.has(memoryLimit)) opened.set(memoryLimit, openDatabases([...(memoryLimit ? [`SET memory_limit = '${memoryLimit}'`, "SET threads = 1"] : []), ...LOCKDOWN, ...SETUP]));
    const run = await opened.get(memoryLimit)!;
    try {
      await run(sql, via);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${sql} ran without error`);
  };
}
