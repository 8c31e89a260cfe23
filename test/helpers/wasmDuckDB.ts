// DuckDB-WASM (the same package and version the pages run) in node, through
// its synchronous node build: for tests of settings and Arrow ingestion
// without a browser.
import {createRequire} from "node:module";
import {fileURLToPath} from "node:url";

const require = createRequire(import.meta.url);
const dist = fileURLToPath(new URL("../../node_modules/@duckdb/duckdb-wasm/dist/", import.meta.url));

export interface WasmConnection {
  query(sql: string): {toArray(): {toJSON(): Record<string, unknown>}[]; numRows: number};
  insertArrowFromIPCStream(buffer: Uint8Array, options: {name: string; create?: boolean}): void;
  insertArrowTable(table: unknown, options: {name: string; create?: boolean}): void;
  close(): void;
}

export interface WasmDatabase {
  /** Puts bytes into DuckDB-WASM's file system under `name` (as the pages do with a fetched file). */
  registerFileBuffer(name: string, buffer: Uint8Array): void;
}

/** A fresh in-memory DuckDB-WASM database and a connection to it. */
export async function openWasm(): Promise<{db: WasmDatabase; connection: WasmConnection; rows: (sql: string) => Record<string, unknown>[]}> {
  const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs");
  const bundles = {
    mvp: {mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: `${dist}duckdb-node-mvp.worker.cjs`},
    eh: {mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-node-eh.worker.cjs`}
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({path: ":memory:", allowUnsignedExtensions: false});
  const connection = db.connect() as WasmConnection;
  return {db, connection, rows: (sql) => connection.query(sql).toArray().map((r) => r.toJSON())};
}
