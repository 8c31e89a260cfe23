// One in-memory DuckDB connection per test file, opened before its tests and closed after them.
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll} from "vitest";

/** Registers the hooks; call the returned function inside a test to get the open connection. */
export function useMemoryConnection(): () => DuckDBConnection {
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(":memory:");
    connection = await instance.connect();
  });
  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });
  return () => {
    if (!connection) throw new Error("useMemoryConnection: the connection is opened in beforeAll; ask for it inside a test");
    return connection;
  };
}
