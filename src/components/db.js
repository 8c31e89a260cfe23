import * as duckdb from "@duckdb/duckdb-wasm";
const wasm = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
const worker = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js");
export async function open() {
  const w = new Worker(worker, {type: "module"});
  const db = new duckdb.AsyncDuckDB(new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING), w);
  await db.instantiate(wasm);
  return db;
}
