/**
 * When the fast check (csvCheck.ts) finds that something is wrong, or a later
 * step needs a value's line: the table is staged with its rows in file order,
 * rows are mapped to lines (walking the records when quotes or blank lines move
 * them), and each rule is checked again to find the first offending row and
 * word the message. Only failed loads and messages pay for this.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {fail, quote} from "../../errors.js";
import {resolveArea} from "../../reference/areaIndex.js";
import {sqlIdent, sqlString} from "../../write/sql.js";
import {describeLegend} from "../legend.js";
import {cellSql} from "./cellSql.js";
import {AREA, cellsSql, chosenRow, decimalMarks, dim, emptyRow, keyColumns, readCsvSql, unnamed, YEAR, type CsvInput} from "./csvSql.js";
import {lineMapper, walkRecords} from "./walkRecords.js";

async function one(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS()[0] as Record<string, unknown>;
}
async function all(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

export interface Staged {
  stage: string;
  lineOf: (row: number) => number;
}

const walkStart = (input: CsvInput) => ({offset: input.layout.headerOffset, line: input.layout.headerLine, headerFields: input.layout.header.length, delimiter: input.layout.delimiter});

/** Why DuckDB refused the file, in the words of a walk over its records. */
export async function failParse(input: CsvInput): Promise<never> {
  const walk = await walkRecords(input.path, input.file, walkStart(input));
  if (walk.problem) fail({file: input.file, row: walk.problem.line}, walk.problem.message);
  return fail({file: input.file}, `could not be read as a csv table with the delimiter ${JSON.stringify(input.layout.delimiter)}`);
}

const staged = new WeakMap<CsvInput, Promise<Staged>>();

/** The table in file order (rowid = data row), and the map from a data row to its line; staged once per read. */
export function stage(input: CsvInput): Promise<Staged> {
  let done = staged.get(input);
  if (!done) {
    done = stageInOrder(input);
    staged.set(input, done);
  }
  return done;
}

async function stageInOrder(input: CsvInput): Promise<Staged> {
  const {connection, layout, names} = input;
  const order = (await connection.runAndReadAll("SELECT current_setting('preserve_insertion_order')")).getRowsJS()[0]![0];
  if (order !== true) await connection.run("SET preserve_insertion_order = true");
  try {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(names.stage)} AS SELECT ${cellsSql(layout)} FROM ${readCsvSql(input)}`);
  } catch {
    return failParse(input);
  } finally {
    if (order !== true) await connection.run("SET preserve_insertion_order = false");
  }
  if (!input.mayHaveExtraLines) return {stage: names.stage, lineOf: lineMapper(layout.headerLine, [])};
  const walk = await walkRecords(input.path, input.file, walkStart(input));
  const {n} = await one(connection, `SELECT count(*) AS n FROM ${sqlIdent(names.stage)}`);
  // Line numbers are only right if DuckDB and the walk agree on where rows start.
  if (walk.records - 1 !== Number(n)) fail({file: input.file}, `DuckDB read ${n} rows but the file has ${walk.records - 1} records after the header: cannot give line numbers`);
  return {stage: names.stage, lineOf: lineMapper(layout.headerLine, walk.shifts)};
}

/** The line of the first row (in file order) where `where` holds, if any. */
export async function firstLine(input: CsvInput, where: string): Promise<number | undefined> {
  const {stage: table, lineOf} = await stage(input);
  const row = await one(input.connection, `SELECT min(rowid) AS r FROM ${sqlIdent(table)} WHERE ${where}`);
  return row.r === null ? undefined : lineOf(Number(row.r));
}

/**
 * Finds the first rule a row breaks and fails with its row, column and what was
 * expected; the fast check said one is broken.
 */
export async function diagnose(input: CsvInput): Promise<never> {
  const checks = new Diagnosis(input, await stage(input));
  await checks.shape();
  await checks.areas();
  await checks.years();
  await checks.values();
  await checks.duplicates();
  return fail({file: input.file}, "the reader's checks disagree about this file: please report it with the file");
}

class Diagnosis {
  private readonly stage: string;
  constructor(
    private readonly input: CsvInput,
    private readonly staged: Staged
  ) {
    this.stage = sqlIdent(staged.stage);
  }

  private async failFirst(where: string, column: string, message: (raw: unknown) => string, cellColumn?: string): Promise<void> {
    const row = await one(this.input.connection, `SELECT rowid AS r${cellColumn ? `, ${cellColumn} AS raw` : ""} FROM ${this.stage} WHERE ${where} ORDER BY rowid LIMIT 1`);
    if (row) fail({file: this.input.file, row: this.staged.lineOf(Number(row.r)), column}, message(row.raw));
  }

  async shape(): Promise<void> {
    const {layout} = this.input;
    for (const u of layout.unnamed) {
      await this.failFirst(`${unnamed(u)} IS NOT NULL`, `column ${u + 1}`, (raw) => `${quote(raw)} in a column whose header is blank: expected the column to be empty, or a name in the header`, unnamed(u));
    }
    for (const [i, d] of layout.kept.entries()) {
      await this.failFirst(`${dim(i)} IS NULL AND NOT ${emptyRow(layout)}`, d.name, () => `the cell is blank: ${d.name} is declared as a dimension kept in the series, so every row needs a value`);
    }
  }

  async areas(): Promise<void> {
    const {input} = this;
    const {layout} = input;
    if (!("column" in layout.area)) return;
    const column = layout.area.name;
    for (const {raw, first} of await all(input.connection, `SELECT ${AREA} AS raw, min(rowid) AS first FROM ${this.stage} WHERE ${chosenRow(layout)} GROUP BY ${AREA} ORDER BY first`)) {
      const resolved = resolveArea(input.areas, (raw as string | null) ?? "", input.areaFormat);
      if ("problem" in resolved) fail({file: input.file, row: this.staged.lineOf(Number(first)), column}, resolved.problem);
    }
  }

  async years(): Promise<void> {
    const {layout} = this.input;
    if (!layout.year) return;
    await this.failFirst(`${chosenRow(layout)} AND NOT coalesce(regexp_full_match(${YEAR}, '\\d{4}'), false)`, layout.year.name, (raw) => `year ${quote(raw)} is not a year: expected a four-digit year such as 2016`, YEAR);
  }

  async values(): Promise<void> {
    const {layout, legend, connection, file} = this.input;
    const {isMarker, valid} = cellSql(legend);
    const {comma, point} = decimalMarks(isMarker);
    const columns = layout.values.map((v) => sqlIdent(v.name));
    const described = describeLegend(legend);
    const firsts = await one(connection, `SELECT ${columns.map((c, i) => `min(rowid) FILTER (WHERE NOT (${valid(c)})) AS f_${i}`).join(", ")} FROM ${this.stage} WHERE ${chosenRow(layout)}`);
    const invalid = columns.flatMap((_, i) => (firsts[`f_${i}`] === null ? [] : [[i, Number(firsts[`f_${i}`])] as const]));
    if (invalid.length > 0) {
      // The earliest offending row across the failing columns.
      const [i, row] = invalid.reduce((a, b) => (b[1] < a[1] ? b : a));
      const {raw} = await one(connection, `SELECT ${columns[i]} AS raw FROM ${this.stage} WHERE rowid = ${row}`);
      const where = {file, row: this.staged.lineOf(row), column: layout.values[i]!.name};
      if (raw === null) fail(where, `the cell is blank: expected a number or a marker from the legend, ${described} (a legend can give "" a meaning)`);
      if (typeof raw === "string" && /\d/.test(raw)) fail(where, `${quote(raw)} is not a number: expected a number such as 12, 12,5 or 1 234, or a marker from the legend, ${described}`);
      fail(where, `unknown marker ${quote(raw)}: expected a number or a marker from the legend, ${described}`);
    }
    for (const [i, c] of columns.entries()) {
      const marks = await one(connection, `SELECT min(rowid) FILTER (WHERE ${comma(c)}) AS comma, min(rowid) FILTER (WHERE ${point(c)}) AS point FROM ${this.stage} WHERE ${chosenRow(layout)}`);
      if (marks.comma === null || marks.point === null) continue;
      const [early, late] = [Number(marks.comma), Number(marks.point)].sort((a, b) => a - b) as [number, number];
      const cells = await all(connection, `SELECT rowid AS r, ${c} AS raw FROM ${this.stage} WHERE rowid IN (${early}, ${late}) ORDER BY rowid`);
      const lateRaw = String(cells[1]!.raw);
      const mark = (raw: string) => (raw.includes(",") ? "a decimal comma" : "a decimal point");
      fail(
        {file, row: this.staged.lineOf(late), column: layout.values[i]!.name},
        `${quote(lateRaw)} has ${mark(lateRaw)}, but row ${this.staged.lineOf(early)} has ${quote(cells[0]!.raw)} with ${mark(String(cells[0]!.raw))}: expected one decimal mark throughout the column (a mix means some numbers were typed or converted differently, and "1.234" could be a thousand)`
      );
    }
  }

  async duplicates(): Promise<void> {
    const {input} = this;
    const {connection, layout} = input;
    const key = ["m.code", ...keyColumns(layout)];
    const from = `(SELECT rowid AS __row, * FROM ${this.stage} WHERE ${chosenRow(layout)}) s JOIN ${sqlIdent(input.names.areaMap)} m ON s.${AREA} IS NOT DISTINCT FROM m.raw`;
    const pair = await one(connection, `SELECT ${key.map((k, i) => `any_value(${k}) AS k${i}`).join(", ")}, min(__row, 2) AS rows FROM ${from} GROUP BY ${key.join(", ")} HAVING count(*) > 1 ORDER BY rows[2] LIMIT 1`);
    if (!pair) return;
    const [first, second] = (pair.rows as bigint[]).map(Number) as [number, number];
    const what = [`area ${pair.k0}`, ...(layout.year ? [`year ${pair.k1}`] : []), ...layout.kept.map((d, i) => `${d.name} ${quote(pair[`k${i + (layout.year ? 2 : 1)}`])}`)].join(", ");
    const differing = await this.differingColumns(first, second);
    const declared = ["column" in layout.area ? layout.area.name : undefined, layout.year?.name, ...layout.kept.map((d) => d.name)].filter(Boolean);
    const hint = differing.length
      ? `; the two rows differ only in ${differing.map((d) => `${quote(d.name)} (${quote(d.a)} and ${quote(d.b)})`).join(", ")}: declare ${differing.length === 1 ? "it" : "them"} in "dimensions", "*" to keep each value as its own series or the one value to read`
      : "";
    fail({file: input.file, row: this.staged.lineOf(second)}, `repeats ${what} from row ${this.staged.lineOf(first)}: expected one row per ${declared.join(", ")}${hint}`);
  }

  /** The columns the declaration does not read, where two rows differ. */
  private async differingColumns(a: number, b: number): Promise<{name: string; a: string; b: string}[]> {
    const {layout} = this.input;
    const read = new Set(["column" in layout.area ? layout.area.column : -1, layout.year?.column ?? -1, ...layout.kept.map((d) => d.column), ...layout.selected.map((d) => d.column), ...layout.values.map((v) => v.column)]);
    const others = layout.header.flatMap((name, i) => (read.has(i) || name === "" ? [] : [{name, i}]));
    if (others.length === 0) return [];
    const rows = await all(
      this.input.connection,
      `SELECT * FROM (SELECT row_number() OVER () - 1 AS r, ${others.map((o) => `c${o.i}`).join(", ")} FROM ${readCsvSql(this.input, {parallel: false})}) WHERE r IN (${a}, ${b}) ORDER BY r`
    );
    if (rows.length !== 2) return [];
    return others.filter((o) => rows[0]![`c${o.i}`] !== rows[1]![`c${o.i}`]).map((o) => ({name: o.name, a: String(rows[0]![`c${o.i}`] ?? ""), b: String(rows[1]![`c${o.i}`] ?? "")}));
  }
}

/** Error path of later checks: the line of the row that gave `series`' value for `areaCode` and `year` in `column`. */
export async function locateValue(input: CsvInput, value: {areaCode: string; year: number; column: string; series: string}): Promise<number | undefined> {
  const {layout} = input;
  if (!layout.values.some((v) => v.name === value.column)) return undefined;
  const area = "column" in layout.area ? `${AREA} IN (SELECT raw FROM ${sqlIdent(input.names.areaMap)} WHERE code = ${sqlString(value.areaCode)})` : "true";
  const inYear = layout.year ? `${YEAR} = ${sqlString(String(value.year))}` : "true";
  // Kept dimensions are the series' first parts.
  const kept = layout.kept.length ? `${layout.kept.map((_, i) => `${dim(i)} || ':'`).join(" || ")} || ${sqlString(value.series.split(":").pop()!)} = ${sqlString(value.series)}` : "true";
  return firstLine(input, `${chosenRow(layout)} AND ${area} AND ${inYear} AND ${kept}`);
}
