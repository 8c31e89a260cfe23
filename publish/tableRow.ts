/**
 * A row of a project table as TypeScript sees it, derived from the one
 * declaration of the tables (loaders/schema/tables.ts, published with literal
 * types to src/lib/schema.js): each DuckDB type maps to its JS type, a nullable
 * column adds null. `tableRow` reads a row returned by `query(sql)` into that
 * shape, so no row type is written out by hand.
 */
import {TABLES} from "../src/lib/schema.js";
import type {Row} from "./parquetQuery.js";

type Tables = typeof TABLES;
export type TableName = keyof Tables;
type ColumnOf<T extends TableName> = Tables[T]["columns"][number];

interface JsTypes {
  VARCHAR: string;
  INTEGER: number;
  DOUBLE: number;
  BOOLEAN: boolean;
  "VARCHAR[]": string[];
}

export type TableRow<T extends TableName> = {
  -readonly [C in ColumnOf<T> as C["name"]]: JsTypes[C["type"]] | (C["nullable"] extends true ? null : never);
};

const READ: {[K in keyof JsTypes]: (value: unknown) => JsTypes[K]} = {
  VARCHAR: String,
  INTEGER: Number,
  DOUBLE: Number,
  BOOLEAN: Boolean,
  "VARCHAR[]": (value) => Array.from(value as Iterable<unknown>, String)
};

/** The declared columns of `table` from a query row, each as its declared type (null kept where the column allows it). */
export function tableRow<T extends TableName>(table: T, row: Row): TableRow<T> {
  const columns: readonly {name: string; type: keyof JsTypes; nullable: boolean}[] = TABLES[table].columns;
  return Object.fromEntries(
    columns.map((c) => {
      const value = row[c.name];
      return [c.name, c.nullable && (value === null || value === undefined) ? null : READ[c.type](value)];
    })
  ) as TableRow<T>;
}
