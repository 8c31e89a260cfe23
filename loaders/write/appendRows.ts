import type {DuckDBConnection} from "@duckdb/node-api";
import type {Column, TableSchema} from "../schema/tables.js";

/** Appends plain JS rows to a DuckDB table declared by `schema`, column by column in schema order. */
export async function appendRows<Row extends object>(connection: DuckDBConnection, schema: TableSchema, rows: Iterable<Row>, table = schema.name): Promise<number> {
  const appender = await connection.createAppender(table);
  let n = 0;
  const put = (column: Column, value: unknown) => {
    if (value === null || value === undefined) return appender.appendNull();
    switch (column.type) {
      case "VARCHAR":
        return appender.appendVarchar(String(value));
      case "INTEGER":
        return appender.appendInteger(value as number);
      case "DOUBLE":
        return appender.appendDouble(value as number);
      case "BOOLEAN":
        return appender.appendBoolean(value as boolean);
      default:
        throw new Error(`appendRows: unsupported column type ${column.type}`);
    }
  };
  for (const row of rows) {
    for (const column of schema.columns) put(column, (row as Record<string, unknown>)[column.name]);
    appender.endRow();
    n++;
  }
  appender.closeSync();
  return n;
}
