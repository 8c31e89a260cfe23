import {randomBytes} from "node:crypto";
import {open, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {fail} from "../errors.js";
import type {Encoding} from "../read/encoding.js";
import type {AreaFormat, AreaIndex} from "../reference/areaIndex.js";
import type {Warn} from "../report/warnings.js";
import type {Status} from "../schema/vocabulary.js";
import {sqlIdent} from "../write/sql.js";
import {findLayout, titleWarning, type CsvDeclaration, type CsvLayout} from "./csv/csvLayout.js";
import {checkCsv, createValuesView} from "./csv/csvCheck.js";
import {locateValue} from "./csv/csvDiagnose.js";
import type {CsvInput} from "./csv/csvSql.js";
import {cutFooter, findFooter, footerWarning} from "./csv/footer.js";
import {scanCsv} from "./csv/scanCsv.js";
import {checkLegend} from "./legend.js";
import type {Legend, RegisterValue} from "./registerValue.js";

/**
 * Reads a register table saved as csv the way publishers and analysts save
 * them — Socialstyrelsen's statistikdatabas, SCB's PxWeb, Excel — into rows of
 *
 *   series VARCHAR       the value column's header ("Antal"), or the declared
 *                        series of a wide table; kept dimensions come first:
 *                        "Flickor:Antal"
 *   area_code VARCHAR    the project's code, whether the file wrote a code, a
 *                        name or both ("0114 Upplands Väsby")
 *   year INTEGER
 *   value DOUBLE         null unless status is ok
 *   status VARCHAR       ok, missing, suppressed or not_applicable
 *   line INTEGER         null: locate() finds a value's line when a message needs it
 *   column_name VARCHAR  the column it came from (a year, in a wide table)
 *
 * The seams: the bytes and their encoding (csv/scanCsv.ts, with the one
 * decoder in read/encoding.ts); the head and tail of the file in JavaScript —
 * the header below title lines, notes below the table (csv/csvLayout.ts,
 * csv/footer.ts); record walking, only to give a row its line (csv/walkRecords.ts);
 * and the SQL stage: DuckDB parses the file in parallel and every rule is an
 * aggregate of one pass (csv/csvCheck.ts), so a 10-million-value file loads
 * near DuckDB's own speed. Only when a rule fails is the table staged in file
 * order to find the row and word the message (csv/csvDiagnose.ts).
 *
 * Decided here:
 * - The encoding is the declared one, checked against the bytes both ways, or
 *   detected: a BOM, UTF-16's NUL bytes, valid UTF-8, else Windows-1252.
 * - The delimiter is the declared one, or the first of ";", "," and tab under
 *   which a line holds every declared column; lines above it are titles.
 * - Numbers: an optional minus (- or U+2212), digits, optionally grouped in
 *   threes by a space, no-break space, narrow no-break or thin space, and an
 *   optional decimal part after a comma or a point — one mark per column.
 * - A cell equal to a legend marker means what the legend says; a blank cell
 *   is accepted only if the legend gives "" a meaning. Rows of only
 *   delimiters carry nothing and are skipped; so are notes below the table,
 *   with a warning.
 * - An empty file, a web page, an API error or a header without rows is an
 *   error that says which.
 */
export interface SwedishCsvOptions extends CsvDeclaration {
  legend: Legend;
  /** Declared encoding ("utf-8", "latin-1", "utf-16le", …); detected when absent. */
  encoding?: string;
  areas: AreaIndex;
  areaFormat?: AreaFormat;
  /** How messages name the file (e.g. its path under data/); default: the path read. */
  displayName?: string;
  warn?: Warn;
}

export interface CsvSummary {
  /** Values (table rows × value columns). */
  values: number;
  rows: number;
  emptyRows: number;
  /** Rows left out by the declaration's selection of a dimension value. */
  notSelected: number;
  encoding: Encoding;
  detected: boolean;
  delimiter: string;
}

export interface OpenCsv extends CsvSummary {
  /** A temporary view of the values (line is null: locate() finds it); valid until close(). */
  view: string;
  /** For a later check's message: the line that gave a series' value for an area and year, in a column. */
  locate(value: {areaCode: string; year: number; column: string; series: string}): Promise<number | undefined>;
  close(): Promise<void>;
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const {bytesRead} = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const HEAD_BYTES = 1024 * 1024;

export async function openSwedishCsv(connection: DuckDBConnection, path: string, options: SwedishCsvOptions): Promise<OpenCsv> {
  const file = options.displayName ?? path;
  const legend = checkLegend(file, options.legend, {flags: false});
  const warn = options.warn ?? (() => {});
  const id = randomBytes(6).toString("hex");
  const copyPath = join(tmpdir(), `register_csv_${id}.utf8.csv`);
  const names = {stage: `register_csv_stage_${id}`, areaMap: `register_csv_areas_${id}`, shifts: `register_csv_lines_${id}`, view: `register_csv_values_${id}`};
  let copy: string | undefined;
  const cleanup = async () => {
    await connection.run(`DROP VIEW IF EXISTS temp.main.${sqlIdent(names.view)}`);
    for (const table of [names.stage, names.areaMap, names.shifts]) await connection.run(`DROP TABLE IF EXISTS temp.main.${sqlIdent(table)}`);
    if (copy) await rm(copy, {force: true});
  };
  try {
    const scan = await scanCsv(path, file, options.encoding, copyPath);
    copy = scan.copy;
    const head = await readHead(scan.path, HEAD_BYTES);
    const layout = findLayout(file, head, scan.bomLength, head.length >= scan.size, options);
    const titles = titleWarning(layout);
    if (titles) warn({file, row: layout.titles[0]!.line, message: titles});
    let readPath = scan.path;
    const footer = await findFooter(scan.path, scan.size, headerEndOffset(head, layout), layout.delimiter, options.areas);
    if (footer) {
      readPath = await cutFooter(path, scan.copy, copyPath, footer);
      copy = copyPath;
      const notes = footerWarning(footer);
      if (notes) warn({file, ...notes});
    }
    const input: CsvInput = {connection, file, path: readPath, layout, legend, areas: options.areas, areaFormat: options.areaFormat ?? "auto", warn, mayHaveExtraLines: scan.mayHaveExtraLines, names};
    const checked = await checkCsv(input);
    if (checked.emptyRows > 0) warn({file, count: checked.emptyRows, message: `skipped ${checked.emptyRows} empty row${checked.emptyRows === 1 ? "" : "s"} (only delimiters) inside the table`});
    await createValuesView(input);
    return {
      view: names.view,
      values: checked.rows * layout.values.length,
      rows: checked.rows,
      emptyRows: checked.emptyRows,
      notSelected: checked.notSelected,
      encoding: scan.encoding,
      detected: scan.detected,
      delimiter: layout.delimiter,
      locate: (value) => locateValue(input, value),
      close: cleanup
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Reads the file into `table` (replaced only when the whole file is accepted). */
export async function readSwedishCsv(connection: DuckDBConnection, path: string, options: SwedishCsvOptions & {table: string}): Promise<CsvSummary> {
  const csv = await openSwedishCsv(connection, path, options);
  try {
    await connection.run(`CREATE OR REPLACE TABLE ${sqlIdent(options.table)} AS SELECT * FROM ${sqlIdent(csv.view)}`);
    const {view: _view, close: _close, locate: _locate, ...summary} = csv;
    return summary;
  } finally {
    await csv.close();
  }
}

/** Reads a table written by readSwedishCsv back as RegisterValues, in file order (DuckDB keeps the insertion order). */
export async function readRegisterTable(connection: DuckDBConnection, table: string): Promise<RegisterValue[]> {
  const reader = await connection.runAndReadAll(`SELECT series, area_code, year, value, status FROM ${sqlIdent(table)} ORDER BY rowid`);
  return reader.getRowObjectsJS().map((row) => ({
    series: row.series as string,
    area_code: row.area_code as string,
    year: row.year as number,
    value: row.value as number | null,
    status: row.status as Status
  }));
}

function headerEndOffset(head: Buffer, layout: CsvLayout): number {
  // The header record ends at the first line break after its start that is not inside quotes; headers rarely quote one.
  let inQuotes = false;
  for (let i = layout.headerOffset; i < head.length; i++) {
    if (head[i] === 0x22) inQuotes = !inQuotes;
    else if (head[i] === 0x0a && !inQuotes) return i + 1;
  }
  return head.length;
}



