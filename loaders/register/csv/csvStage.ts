/**
 * The SQL stage of a register csv: DuckDB parses the table into a temporary
 * table of raw cells, every rule is checked with aggregates over it (cheap
 * booleans on the way through, and a second query for the first offending row
 * only when one fails), and the values come out of a view that unpivots,
 * types and maps markers, so the caller writes them in one pass. JavaScript
 * only resolves the few distinct area cells and words the messages.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {fail, quote} from "../../errors.js";
import {LIMITS} from "../../read/limits.js";
import {resolveArea, type AreaFormat, type AreaIndex} from "../../reference/areaIndex.js";
import type {Warn} from "../../report/warnings.js";
import {sqlIdent, sqlString} from "../../write/sql.js";
import {describeLegend} from "../legend.js";
import type {Legend} from "../registerValue.js";
import type {CsvLayout} from "./csvLayout.js";

export interface StageInput {
  connection: DuckDBConnection;
  file: string;
  /** The UTF-8 file to read. */
  path: string;
  layout: CsvLayout;
  legend: Legend;
  areas: AreaIndex;
  areaFormat: AreaFormat;
  warn: Warn;
  lineOf: (row: number) => number;
  /** Names of the working tables. */
  names: {stage: string; areaMap: string};
}

export interface Staged {
  /** Table rows read (non-empty, selected by the declaration). */
  rows: number;
  emptyRows: number;
  notSelected: number;
}

const GROUP_SPACES = " \u00a0\u202f\u2009";
const NUMBER_PATTERN = `[-\u2212]?(\\d{1,3}([${GROUP_SPACES}]\\d{3})+|\\d+)([.,]\\d+)?`;

const cell = (i: number) => `nullif(trim(c${i}), '')`;
const AREA = "__area";
const YEAR = "__year";
const dim = (i: number) => `__dim${i}`;

export function valueNames(layout: CsvLayout): string[] {
  return layout.values.map((v) => v.name);
}

function readCsvSql(input: StageInput): string {
  const {layout, path} = input;
  const types = layout.header.map((_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  const dims = [...layout.kept, ...layout.selected];
  const columns = [
    "column" in layout.area ? `${cell(layout.area.column)} AS ${AREA}` : `NULL::VARCHAR AS ${AREA}`,
    layout.year ? `${cell(layout.year.column)} AS ${YEAR}` : `NULL::VARCHAR AS ${YEAR}`,
    ...dims.map((d, i) => `${cell(d.column)} AS ${dim(i)}`),
    ...layout.values.map((v) => `${cell(v.column)} AS ${sqlIdent(v.name)}`),
    ...layout.unnamed.map((u) => `${cell(u)} AS __unnamed${u}`)
  ];
  return `CREATE TEMP TABLE ${sqlIdent(input.names.stage)} AS SELECT ${columns.join(", ")}
FROM read_csv(${sqlString(path)}, columns = {${types}}, header = true, skip = ${layout.skip}, auto_detect = false,
  delim = ${sqlString(layout.delimiter)}, quote = '"', escape = '"', strict_mode = true, null_padding = false,
  max_line_size = ${LIMITS.csvRecordBytes})`;
}

/** Rows that are only delimiters (Excel's ";;;") carry nothing. */
function emptyRow(layout: CsvLayout): string {
  const cols = [AREA, YEAR, ...[...layout.kept, ...layout.selected].map((_, i) => dim(i)), ...layout.values.map((v) => sqlIdent(v.name))];
  return `(${cols.map((c) => `${c} IS NULL`).join(" AND ")})`;
}

function chosenRow(layout: CsvLayout): string {
  const selected = layout.selected.map((s, i) => `${dim(layout.kept.length + i)} = ${sqlString(s.value)}`);
  return [`NOT ${emptyRow(layout)}`, ...selected].join(" AND ");
}

const markersOf = (legend: Legend) => Object.keys(legend).filter((m) => m !== "");

export async function stageCsv(input: StageInput, onParseError: () => Promise<never>): Promise<Staged> {
  const {connection, layout, names} = input;
  try {
    await connection.run(readCsvSql(input));
  } catch {
    return onParseError();
  }
  const stage = sqlIdent(names.stage);
  const counts = await one(
    connection,
    `SELECT count(*) FILTER (WHERE ${emptyRow(layout)}) AS empty, count(*) FILTER (WHERE ${chosenRow(layout)}) AS chosen, count(*) AS total
       ${layout.unnamed.map((u) => `, bool_and(__unnamed${u} IS NULL) AS unnamed_${u}`).join("")}
       ${layout.kept.map((_, i) => `, bool_and(${dim(i)} IS NOT NULL OR ${emptyRow(layout)}) AS kept_${i}`).join("")}
       ${layout.selected.map((_, i) => `, bool_or(${dim(layout.kept.length + i)} = ${sqlString(layout.selected[i]!.value)}) AS selected_${i}`).join("")}
     FROM ${stage}`
  );
  for (const u of layout.unnamed) if (counts[`unnamed_${u}`] === false) await failFirst(input, `__unnamed${u} IS NOT NULL`, `column ${u + 1}`, (raw) => `${quote(raw)} in a column whose header is blank: expected the column to be empty, or a name in the header`, "__unnamed" + u);
  for (const [i, d] of layout.kept.entries()) {
    if (counts[`kept_${i}`] === false) await failFirst(input, `${dim(i)} IS NULL AND NOT ${emptyRow(layout)}`, d.name, () => `the cell is blank: ${d.name} is declared as a dimension kept in the series, so every row needs a value`);
  }
  for (const [i, s] of layout.selected.entries()) {
    if (counts[`selected_${i}`] === true) continue;
    const found = (await all(connection, `SELECT DISTINCT ${dim(layout.kept.length + i)} AS v FROM ${stage} WHERE ${dim(layout.kept.length + i)} IS NOT NULL ORDER BY v LIMIT 10`)).map((r) => quote(r.v));
    fail({file: input.file, column: s.name}, `no row has ${s.name} = ${quote(s.value)}, the value the declaration selects: found ${found.join(", ") || "only blank cells"}`);
  }
  const rows = Number(counts.chosen);
  if (rows === 0) {
    fail({file: input.file, row: layout.headerLine + 1}, Number(counts.total) === 0 ? "has a header row but no data rows: expected one row per area and year (was the download or the query empty?)" : `has no rows with ${layout.selected.map((s) => `${s.name} = ${quote(s.value)}`).join(" and ")} (the declaration's selection)`);
  }
  await checkAreas(input);
  if (layout.year) await checkYears(input);
  await checkValues(input);
  await checkDuplicates(input);
  return {rows, emptyRows: Number(counts.empty), notSelected: Number(counts.total) - Number(counts.empty) - rows};
}

async function one(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS()[0] as Record<string, unknown>;
}
async function all(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** The first row (in file order) where `where` holds, and a message about its cell. */
async function failFirst(input: StageInput, where: string, column: string, message: (raw: unknown) => string, cellColumn?: string): Promise<never> {
  const row = await one(input.connection, `SELECT rowid AS r${cellColumn ? `, ${cellColumn} AS raw` : ""} FROM ${sqlIdent(input.names.stage)} WHERE ${where} ORDER BY rowid LIMIT 1`);
  return fail({file: input.file, row: input.lineOf(Number(row.r)), column}, message(row.raw));
}

async function checkAreas(input: StageInput): Promise<void> {
  const {connection, layout, names} = input;
  const map = sqlIdent(names.areaMap);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${map} (raw VARCHAR, code VARCHAR)`);
  if (!("column" in layout.area)) {
    const found = resolveArea(input.areas, layout.area.code, "code");
    if ("problem" in found) fail({file: input.file}, `the declared area_code: ${found.problem}`);
    await connection.run(`INSERT INTO ${map} VALUES (NULL, ${sqlString(found.code)})`);
    return;
  }
  const column = layout.area.name;
  const distinct = await all(connection, `SELECT ${AREA} AS raw, min(rowid) AS first, count(*) AS n FROM ${sqlIdent(names.stage)} WHERE ${chosenRow(layout)} GROUP BY ${AREA} ORDER BY first`);
  const padded: {raw: string; code: string; first: number; n: number}[] = [];
  const appender = await connection.createAppender(names.areaMap, "main", "temp");
  for (const {raw, first, n} of distinct) {
    const resolved = resolveArea(input.areas, (raw as string | null) ?? "", input.areaFormat);
    if ("problem" in resolved) {
      appender.closeSync();
      fail({file: input.file, row: input.lineOf(Number(first)), column}, resolved.problem);
    }
    if (resolved.padded !== undefined) padded.push({raw: raw as string, code: resolved.code, first: Number(first), n: Number(n)});
    appender.appendVarchar(raw as string);
    appender.appendVarchar(resolved.code);
    appender.endRow();
  }
  appender.closeSync();
  if (padded.length > 0) {
    const rows = padded.reduce((s, p) => s + p.n, 0);
    const first = padded.reduce((a, b) => (a.first <= b.first ? a : b));
    const examples = padded.slice(0, 3).map((p) => `${p.raw} → ${p.code}`).join(", ");
    input.warn({file: input.file, row: input.lineOf(first.first), column, count: rows, message: `restored the leading zero of ${padded.length} area code${padded.length === 1 ? "" : "s"} in ${rows} row${rows === 1 ? "" : "s"} (${examples}${padded.length > 3 ? ", …" : ""}), as a spreadsheet drops it`});
  }
}

async function checkYears(input: StageInput): Promise<void> {
  const {layout} = input;
  const bad = await all(input.connection, `SELECT ${YEAR} AS raw, min(rowid) AS first FROM ${sqlIdent(input.names.stage)} WHERE ${chosenRow(layout)} AND NOT coalesce(regexp_full_match(${YEAR}, '\\d{4}'), false) GROUP BY ${YEAR} ORDER BY first LIMIT 1`);
  if (bad[0]) fail({file: input.file, row: input.lineOf(Number(bad[0].first)), column: layout.year!.name}, `year ${quote(bad[0].raw)} is not a year: expected a four-digit year such as 2016`);
}

async function checkValues(input: StageInput): Promise<void> {
  const {layout, legend, connection} = input;
  const markers = markersOf(legend);
  const isMarker = (c: string) => (markers.length ? `${c} IN (${markers.map(sqlString).join(", ")})` : "false");
  const blankOk = "" in legend;
  const valid = (c: string) => `CASE WHEN ${c} IS NULL THEN ${blankOk} WHEN ${isMarker(c)} THEN true ELSE regexp_full_match(${c}, '${NUMBER_PATTERN}') END`;
  const comma = (c: string) => `contains(${c}, ',') AND NOT ${isMarker(c)}`;
  const point = (c: string) => `contains(${c}, '.') AND NOT ${isMarker(c)}`;
  const columns = layout.values.map((v) => sqlIdent(v.name));
  const checks = columns.flatMap((c, i) => [`bool_and(${valid(c)}) AS valid_${i}`, `bool_or(${comma(c)}) AS comma_${i}`, `bool_or(${point(c)}) AS point_${i}`]);
  const result = await one(connection, `SELECT ${checks.join(", ")} FROM ${sqlIdent(input.names.stage)} WHERE ${chosenRow(layout)}`);
  const described = describeLegend(legend);
  const invalid = columns.flatMap((c, i) => (result[`valid_${i}`] === false ? [i] : []));
  if (invalid.length > 0) {
    // The earliest offending row across the failing columns.
    const firsts = await one(connection, `SELECT ${invalid.map((i) => `min(rowid) FILTER (WHERE NOT (${valid(columns[i]!)})) AS f_${i}`).join(", ")} FROM ${sqlIdent(input.names.stage)} WHERE ${chosenRow(layout)}`);
    const [i, row] = invalid.map((i) => [i, Number(firsts[`f_${i}`])] as const).reduce((a, b) => (b[1] < a[1] ? b : a));
    const {raw} = await one(connection, `SELECT ${columns[i]} AS raw FROM ${sqlIdent(input.names.stage)} WHERE rowid = ${row}`);
    const where = {file: input.file, row: input.lineOf(row), column: layout.values[i]!.name};
    if (raw === null) fail(where, `the cell is blank: expected a number or a marker from the legend, ${described} (a legend can give "" a meaning)`);
    if (typeof raw === "string" && /\d/.test(raw)) fail(where, `${quote(raw)} is not a number: expected a number such as 12, 12,5 or 1 234, or a marker from the legend, ${described}`);
    fail(where, `unknown marker ${quote(raw)}: expected a number or a marker from the legend, ${described}`);
  }
  const mixed = columns.flatMap((c, i) => (result[`comma_${i}`] === true && result[`point_${i}`] === true ? [i] : []));
  for (const i of mixed.slice(0, 1)) {
    const c = columns[i]!;
    const firsts = await one(connection, `SELECT min(rowid) FILTER (WHERE ${comma(c)}) AS comma, min(rowid) FILTER (WHERE ${point(c)}) AS point FROM ${sqlIdent(input.names.stage)} WHERE ${chosenRow(layout)}`);
    const [early, late] = [Number(firsts.comma), Number(firsts.point)].sort((a, b) => a - b) as [number, number];
    const cells = await all(connection, `SELECT rowid AS r, ${c} AS raw FROM ${sqlIdent(input.names.stage)} WHERE rowid IN (${early}, ${late}) ORDER BY rowid`);
    const lateRaw = String(cells[1]!.raw);
    const mark = (raw: string) => (raw.includes(",") ? "a decimal comma" : "a decimal point");
    fail(
      {file: input.file, row: input.lineOf(late), column: layout.values[i]!.name},
      `${quote(lateRaw)} has ${mark(lateRaw)}, but row ${input.lineOf(early)} has ${quote(cells[0]!.raw)} with ${mark(String(cells[0]!.raw))}: expected one decimal mark throughout the column (a mix means some numbers were typed or converted differently, and "1.234" could be a thousand)`
    );
  }
}

async function checkDuplicates(input: StageInput): Promise<void> {
  const {connection, layout, names} = input;
  const kept = layout.kept.map((_, i) => dim(i));
  const key = ["m.code", ...(layout.year ? [YEAR] : []), ...kept];
  const from = `(SELECT rowid AS __row, * FROM ${sqlIdent(names.stage)} WHERE ${chosenRow(layout)}) s JOIN ${sqlIdent(names.areaMap)} m ON s.${AREA} IS NOT DISTINCT FROM m.raw`;
  const {unique} = await one(connection, `SELECT count(*) = count(DISTINCT hash(${key.join(", ")})) AS unique FROM ${from}`);
  if (unique === true) return;
  const pair = await one(connection, `SELECT ${key.map((k, i) => `any_value(${k}) AS k${i}`).join(", ")}, min(__row, 2) AS rows FROM ${from} GROUP BY ${key.join(", ")} HAVING count(*) > 1 ORDER BY rows[2] LIMIT 1`);
  const [first, second] = (pair.rows as bigint[]).map(Number) as [number, number];
  const what = [`area ${pair.k0}`, ...(layout.year ? [`year ${pair.k1}`] : []), ...layout.kept.map((d, i) => `${d.name} ${quote(pair[`k${i + (layout.year ? 2 : 1)}`])}`)].join(", ");
  const differing = await differingColumns(input, first, second);
  const declared = [("column" in layout.area ? layout.area.name : undefined), layout.year?.name, ...layout.kept.map((d) => d.name)].filter(Boolean);
  const hint = differing.length
    ? `; the two rows differ only in ${differing.map((d) => `${quote(d.name)} (${quote(d.a)} and ${quote(d.b)})`).join(", ")}: declare ${differing.length === 1 ? "it" : "them"} in "dimensions", "*" to keep each value as its own series or the one value to read`
    : "";
  fail({file: input.file, row: input.lineOf(second)}, `repeats ${what} from row ${input.lineOf(first)}: expected one row per ${declared.join(", ")}${hint}`);
}

/** Error path only: the columns the declaration does not read, where two rows differ. */
async function differingColumns(input: StageInput, a: number, b: number): Promise<{name: string; a: string; b: string}[]> {
  const {layout} = input;
  const read = new Set([("column" in layout.area ? layout.area.column : -1), layout.year?.column ?? -1, ...layout.kept.map((d) => d.column), ...layout.selected.map((d) => d.column), ...layout.values.map((v) => v.column)]);
  const others = layout.header.flatMap((name, i) => (read.has(i) || name === "" ? [] : [{name, i}]));
  if (others.length === 0) return [];
  const types = layout.header.map((_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  const rows = await all(
    input.connection,
    `SELECT * FROM (SELECT row_number() OVER () - 1 AS r, ${others.map((o) => `c${o.i}`).join(", ")} FROM read_csv(${sqlString(input.path)}, columns = {${types}}, header = true, skip = ${layout.skip}, auto_detect = false, delim = ${sqlString(layout.delimiter)}, quote = '"', escape = '"', parallel = false)) WHERE r IN (${a}, ${b}) ORDER BY r`
  );
  if (rows.length !== 2) return [];
  return others.filter((o) => rows[0]![`c${o.i}`] !== rows[1]![`c${o.i}`]).map((o) => ({name: o.name, a: String(rows[0]![`c${o.i}`] ?? ""), b: String(rows[1]![`c${o.i}`] ?? "")}));
}

/**
 * The values as a view over the stage: one row per table row and value column,
 * (series, area_code, year, value, status, line, column_name), markers mapped
 * through the legend, numbers typed. `shifts` names a table of line shifts
 * (from_row, extra) when rows sit below their plain line number.
 */
export async function createValuesView(input: StageInput, view: string, shifts: string | undefined): Promise<void> {
  const {layout, legend, names} = input;
  const markers = markersOf(legend);
  const meaningOf = (m: string) => legend[m]!;
  const whens = (then: (meaning: string) => string) =>
    [...("" in legend ? [`WHEN raw IS NULL THEN ${then(legend[""]!)}`] : []), ...markers.map((m) => `WHEN raw = ${sqlString(m)} THEN ${then(meaningOf(m))}`)].join(" ");
  const number = `TRY_CAST(replace(replace(CASE WHEN regexp_matches(raw, '[${GROUP_SPACES}]') THEN regexp_replace(raw, '[${GROUP_SPACES}]', '', 'g') ELSE raw END, ',', '.'), '\u2212', '-') AS DOUBLE)`;
  // A legend with no markers: every cell is a number (checkValues made sure).
  const hasMarkers = markers.length > 0 || "" in legend;
  const value = hasMarkers ? `CASE ${whens((m) => (m === "zero" ? "0::DOUBLE" : "NULL::DOUBLE"))} ELSE ${number} END` : number;
  const status = hasMarkers ? `CASE ${whens((m) => sqlString(m === "zero" ? "ok" : m))} ELSE 'ok' END` : "'ok'";
  const keptSeries = layout.kept.map((_, i) => `${dim(i)} || ':'`).join(" || ");
  const seriesBase = layout.series !== undefined ? sqlString(layout.series) : "col";
  const series = keptSeries ? `${keptSeries} || ${seriesBase}` : seriesBase;
  const year = layout.year ? `CAST(${YEAR} AS INTEGER)` : "CAST(col AS INTEGER)";
  const line = shifts ? `__row + ${layout.headerLine + 1} + coalesce(h.extra, 0)` : `__row + ${layout.headerLine + 1}`;
  const columns = layout.values.map((v) => sqlIdent(v.name)).join(", ");
  const rows = `(SELECT rowid AS __row, * FROM ${sqlIdent(names.stage)} WHERE ${chosenRow(layout)}) s JOIN ${sqlIdent(names.areaMap)} m ON s.${AREA} IS NOT DISTINCT FROM m.raw`;
  const unpivoted = `(SELECT * FROM (SELECT s.*, m.code AS __code FROM ${rows}) UNPIVOT INCLUDE NULLS (raw FOR col IN (${columns})))`;
  const source = shifts ? `${unpivoted} u ASOF LEFT JOIN ${sqlIdent(shifts)} h ON u.__row >= h.from_row` : `${unpivoted} u`;
  await input.connection.run(`CREATE OR REPLACE TEMP VIEW ${sqlIdent(view)} AS
SELECT ${series} AS series, __code AS area_code, ${year} AS year, ${value} AS value, ${status} AS status,
  CAST(${line} AS INTEGER) AS line, col AS column_name
FROM ${source}`);
}
