/**
 * The fast check of a register csv: one parallel pass of DuckDB over the file
 * answers every rule as a boolean per area — years, numbers, markers, decimal
 * marks, blank dimensions, empty columns, repeated keys — and lists the few
 * distinct area cells, which JavaScript resolves against the reference. Only
 * when an answer is "no" is the file staged in order to find the row
 * (csvDiagnose.ts). The values then come from a view over the same file.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {fail, quote} from "../../errors.js";
import {resolveArea} from "../../reference/areaIndex.js";
import {sqlIdent, sqlString} from "../../write/sql.js";
import {cellSql} from "./cellSql.js";
import {diagnose, failParse, firstLine} from "./csvDiagnose.js";
import {AREA, cellsSql, chosenRow, decimalMarks, dim, emptyRow, keyColumns, readCsvSql, unnamed, YEAR, type CsvInput} from "./csvSql.js";

export interface Checked {
  /** Table rows read (not empty, selected by the declaration). */
  rows: number;
  emptyRows: number;
  notSelected: number;
}

async function all(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}


export async function checkCsv(input: CsvInput): Promise<Checked> {
  const {connection, layout, legend, names} = input;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(names.areaMap)} (raw VARCHAR, code VARCHAR)`);
  const {isMarker, valid} = cellSql(legend);
  const {comma, point} = decimalMarks(isMarker);
  // Whether a row is empty, and whether it is read, computed once per row (the tests are long for a wide table).
  const chosen = "__chosen";
  const empty = "__empty";
  const values = layout.values.map((v) => sqlIdent(v.name));
  const keys = keyColumns(layout);
  // Booleans over chosen rows only: a row outside the selection is neither read nor checked.
  const when = (test: string) => `(NOT (${chosen}) OR (${test}))`;
  // Two passes over the file. The row rules: counts, keys, the distinct area cells.
  const rowRules = [
    `count_if(${empty}) AS empty`,
    `count_if(${chosen}) AS chosen`,
    "count(*) AS total",
    `count(DISTINCT CASE WHEN ${chosen} THEN hash(${[AREA, ...keys].join(", ")}) END) AS keys`,
    `list(DISTINCT ${AREA}) FILTER (WHERE ${chosen}) AS areas`,
    ...(layout.year ? [`bool_and(${when(`coalesce(regexp_full_match(${YEAR}, '\\d{4}'), false)`)}) AS years`] : []),
    ...layout.unnamed.map((u) => `bool_and(${unnamed(u)} IS NULL) AS unnamed_${u}`),
    ...layout.kept.map((_, i) => `bool_and(${dim(i)} IS NOT NULL OR ${empty}) AS kept_${i}`),
    ...layout.selected.map((s, i) => `bool_or(${dim(layout.kept.length + i)} = ${sqlString(s.value)}) AS selected_${i}`)
  ];
  // The cell rules, unpivoted and grouped by value column: each written once, however wide the table
  // (an expression per column would take DuckDB longer to plan than a small file takes to read).
  const cellRules = ["col", `bool_and(${when(valid("raw"))}) AS valid`, `bool_or(${chosen} AND ${comma("raw")}) AS comma`, `bool_or(${chosen} AND ${point("raw")}) AS point`];
  let result: Record<string, unknown>;
  let groups: Record<string, unknown>[];
  try {
    const cells = `SELECT *, ${emptyRow(layout)} AS ${empty}, ${chosenRow(layout)} AS ${chosen} FROM (SELECT ${cellsSql(layout)} FROM ${readCsvSql(input)})`;
    [result] = (await all(connection, `SELECT ${rowRules.join(", ")} FROM (${cells})`)) as [Record<string, unknown>];
    groups = await all(connection, `SELECT ${cellRules.join(", ")} FROM (SELECT ${chosen}, ${values.join(", ")} FROM (${cells})) UNPIVOT INCLUDE NULLS (raw FOR col IN (${values.join(", ")})) GROUP BY col`);
  } catch {
    return failParse(input);
  }
  const [rows, total, emptyRows] = [Number(result.chosen), Number(result.total), Number(result.empty)];

  for (const [i, s] of layout.selected.entries()) {
    if (result[`selected_${i}`] === true) continue;
    const column = dim(layout.kept.length + i);
    const found = (await all(connection, `SELECT DISTINCT ${column} AS v FROM (SELECT ${cellsSql(layout)} FROM ${readCsvSql(input)}) WHERE ${column} IS NOT NULL ORDER BY v LIMIT 10`)).map((r) => quote(r.v));
    fail({file: input.file, column: s.name}, `no row has ${s.name} = ${quote(s.value)}, the value the declaration selects: found ${found.join(", ") || "only blank cells"}`);
  }
  if (rows === 0) {
    fail({file: input.file, row: layout.headerLine + 1}, total === 0 ? "has a header row but no data rows: expected one row per area and year (was the download or the query empty?)" : `has no rows with ${layout.selected.map((s) => `${s.name} = ${quote(s.value)}`).join(" and ")} (the declaration's selection)`);
  }
  const broken =
    [...(layout.year ? ["years"] : []), ...layout.unnamed.map((u) => `unnamed_${u}`), ...layout.kept.map((_, i) => `kept_${i}`)].some((name) => result[name] === false) ||
    groups.some((g) => g.valid === false);
  const mixed = groups.some((g) => g.comma === true && g.point === true);
  const areasOk = await mapAreas(input, (result.areas as (string | null)[] | null) ?? []);
  // A key repeated within one area cell, or two area cells that are one area (a code and a name).
  const codes = await all(connection, `SELECT count(*) AS n, count(DISTINCT code) AS d FROM ${sqlIdent(names.areaMap)}`);
  const repeated = Number(result.keys) !== rows || Number(codes[0]!.n) !== Number(codes[0]!.d);
  if (broken || mixed || !areasOk || repeated) await diagnose(input);
  return {rows, emptyRows, notSelected: total - emptyRows - rows};
}

/** Resolves each distinct area cell; false when one names no area (diagnose words it, at its row). */
async function mapAreas(input: CsvInput, cells: (string | null)[]): Promise<boolean> {
  const {connection, layout, names} = input;
  if (!("column" in layout.area)) {
    const found = resolveArea(input.areas, layout.area.code, "code");
    if ("problem" in found) fail({file: input.file}, `the declared area_code: ${found.problem}`);
    await connection.run(`INSERT INTO ${sqlIdent(names.areaMap)} VALUES (NULL, ${sqlString(found.code)})`);
    return true;
  }
  const padded: {raw: string; code: string}[] = [];
  const appender = await connection.createAppender(names.areaMap, "main", "temp");
  let ok = true;
  for (const raw of cells) {
    const resolved = resolveArea(input.areas, raw ?? "", input.areaFormat);
    if ("problem" in resolved) {
      ok = false;
      continue;
    }
    if (resolved.padded !== undefined) padded.push({raw: raw!, code: resolved.code});
    appender.appendVarchar(raw!);
    appender.appendVarchar(resolved.code);
    appender.endRow();
  }
  appender.closeSync();
  if (ok && padded.length > 0) {
    padded.sort((a, b) => a.code.localeCompare(b.code));
    const which = `${chosenRow(layout)} AND ${AREA} IN (${padded.map((p) => sqlString(p.raw)).join(", ")})`;
    const [{n}] = (await all(connection, `SELECT count(*) AS n FROM (SELECT ${cellsSql(layout)} FROM ${readCsvSql(input)}) WHERE ${which}`)) as [{n: bigint}];
    const rows = Number(n);
    const examples = padded.slice(0, 3).map((p) => `${p.raw} → ${p.code}`).join(", ");
    const row = await firstLine(input, which);
    input.warn({file: input.file, row, column: layout.area.name, count: rows, message: `restored the leading zero of ${padded.length} area code${padded.length === 1 ? "" : "s"} in ${rows} row${rows === 1 ? "" : "s"} (${examples}${padded.length > 3 ? ", …" : ""}), as a spreadsheet drops it`});
  }
  return ok;
}

/**
 * The values as a view over the file: one row per table row and value column,
 * (series, area_code, year, value, status, line, column_name), markers mapped
 * through the legend, numbers typed. `line` is null here: a later check that
 * needs it asks csvDiagnose.locateValue.
 */
export async function createValuesView(input: CsvInput): Promise<void> {
  const {layout, legend, names} = input;
  const cells = cellSql(legend);
  const keptSeries = layout.kept.map((_, i) => `${dim(i)} || ':'`).join(" || ");
  const seriesBase = layout.series !== undefined ? sqlString(layout.series) : "col";
  const series = keptSeries ? `${keptSeries} || ${seriesBase}` : seriesBase;
  const columns = layout.values.map((v) => sqlIdent(v.name)).join(", ");
  // Per row, before the unpivot multiplies rows by value columns: the year and the area's code.
  const rows = `SELECT s.*, m.code AS __code${layout.year ? `, CAST(${YEAR} AS INTEGER) AS __y` : ""}
    FROM (SELECT * FROM (SELECT ${cellsSql(layout)} FROM ${readCsvSql(input)}) WHERE ${chosenRow(layout)}) s
    JOIN ${sqlIdent(names.areaMap)} m ON s.${AREA} IS NOT DISTINCT FROM m.raw`;
  // Each cell's slow-path test once, then its marker text and number text once, then value and status from them.
  const unpivoted = `SELECT *, ${cells.slow("raw")} AS __slow FROM (${rows}) UNPIVOT INCLUDE NULLS (raw FOR col IN (${columns}))`;
  const texts = `SELECT *, ${cells.markerText("raw", "__slow")} AS __t, ${cells.numberText("raw", "__slow")} AS __n FROM (${unpivoted})`;
  await input.connection.run(`CREATE OR REPLACE TEMP VIEW ${sqlIdent(names.view)} AS
SELECT ${series} AS series, __code AS area_code, ${layout.year ? "__y" : "CAST(col AS INTEGER)"} AS year, ${cells.value("__t", "__n")} AS value, ${cells.status("__t")} AS status,
  NULL::INTEGER AS line, col AS column_name
FROM (${texts})`);
}
