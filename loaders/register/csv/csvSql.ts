/**
 * SQL over a register csv, shared by the fast check (csvCheck.ts) and the
 * diagnosis of a failed one (csvDiagnose.ts): how DuckDB reads the file, the
 * cells every query selects, and which rows count.
 */
import {LIMITS} from "../../read/limits.js";
import type {AreaFormat, AreaIndex} from "../../reference/areaIndex.js";
import type {Warn} from "../../report/warnings.js";
import {sqlIdent, sqlString} from "../../write/sql.js";
import type {Legend} from "../registerValue.js";
import type {CsvLayout} from "./csvLayout.js";

export interface CsvInput {
  connection: import("@duckdb/node-api").DuckDBConnection;
  file: string;
  /** The UTF-8 file DuckDB reads. */
  path: string;
  layout: CsvLayout;
  legend: Legend;
  areas: AreaIndex;
  areaFormat: AreaFormat;
  warn: Warn;
  /** Quotes or blank lines: a row's line must be found by walking the records. */
  mayHaveExtraLines: boolean;
  /** Names of the working tables and view. */
  names: {stage: string; areaMap: string; shifts: string; view: string};
}

export const AREA = "__area";
export const YEAR = "__year";
export const dim = (i: number) => `__dim${i}`;
export const unnamed = (column: number) => `__unnamed${column}`;
const key = (i: number) => `nullif(trim(c${i}), '')`;

/** read_csv of the table: every column as text, the header below `skip` records, DuckDB's strict parser. */
export function readCsvSql(input: CsvInput, {parallel = true}: {parallel?: boolean} = {}): string {
  const {layout} = input;
  const types = layout.header.map((_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  return `read_csv(${sqlString(input.path)}, columns = {${types}}, header = true, skip = ${layout.skip}, auto_detect = false,
  delim = ${sqlString(layout.delimiter)}, quote = '"', escape = '"', strict_mode = true, null_padding = false,
  max_line_size = ${LIMITS.csvRecordBytes}${parallel ? "" : ", parallel = false"})`;
}

/** The cells a query needs: keys trimmed, values as written (cellSql.ts trims only the cells that need it). */
export function cellsSql(layout: CsvLayout): string {
  const dims = [...layout.kept, ...layout.selected];
  return [
    "column" in layout.area ? `${key(layout.area.column)} AS ${AREA}` : `NULL::VARCHAR AS ${AREA}`,
    layout.year ? `${key(layout.year.column)} AS ${YEAR}` : `NULL::VARCHAR AS ${YEAR}`,
    ...dims.map((d, i) => `${key(d.column)} AS ${dim(i)}`),
    ...layout.values.map((v) => `c${v.column} AS ${sqlIdent(v.name)}`),
    ...layout.unnamed.map((u) => `${key(u)} AS ${unnamed(u)}`)
  ].join(", ");
}

/** Rows that are only delimiters (Excel's ";;;") carry nothing. */
export function emptyRow(layout: CsvLayout): string {
  const cols = [AREA, YEAR, ...[...layout.kept, ...layout.selected].map((_, i) => dim(i)), ...layout.values.map((v) => sqlIdent(v.name))];
  return `(${cols.map((c) => `${c} IS NULL`).join(" AND ")})`;
}

/** Rows that are read: not empty, and with each selected dimension at its declared value. */
export function chosenRow(layout: CsvLayout): string {
  const selected = layout.selected.map((s, i) => `${dim(layout.kept.length + i)} = ${sqlString(s.value)}`);
  return [`NOT ${emptyRow(layout)}`, ...selected].join(" AND ");
}

/** A value column's decimal marks, markers aside. */
export function decimalMarks(isMarker: (c: string) => string) {
  return {
    comma: (c: string) => `contains(${c}, ',') AND NOT ${isMarker(c)}`,
    point: (c: string) => `contains(${c}, '.') AND NOT ${isMarker(c)}`
  };
}

export function keyColumns(layout: CsvLayout): string[] {
  return [...(layout.year ? [YEAR] : []), ...layout.kept.map((_, i) => dim(i))];
}
