import {isAscii, isUtf8, transcode} from "node:buffer";
import {randomBytes} from "node:crypto";
import {open, rm, type FileHandle} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {fail, quote} from "../errors.js";
import type {Status} from "../schema/tables.js";
import {checkLegend, describeLegend} from "./readJsonStat.js";
import type {Legend, RegisterValue} from "./registerValue.js";

/**
 * Reads a semicolon-separated register table the way Swedish agencies save
 * them (decimal comma, spaces between thousands, the source's own markers for
 * missing cells) into the DuckDB table `options.table`:
 *
 *   series VARCHAR     the value column's header ("Antal")
 *   area_code VARCHAR  as written: 00, a län, a kommun or a stadsdel (0180-01)
 *   year INTEGER
 *   value DOUBLE       null unless status is ok
 *   status VARCHAR     ok, missing, suppressed or not_applicable
 *   line INTEGER       the 1-based line of the file the value came from (the
 *                      header is line 1), so later checks can point at it
 *
 * one row per input row and value column. Returns the number of rows written.
 *
 * DuckDB parses the file and every rule runs as SQL that finds the first
 * offending row, so a 10-million-row file loads at DuckDB's speed; JavaScript
 * only checks the encoding, reads the header and words the messages.
 *
 * Decided here:
 * - An empty file (no header) is an error; a header with no rows is a valid
 *   file with no values, and gives an empty table.
 * - Numbers: an optional minus (- or U+2212), digits, optionally grouped in
 *   threes by a space, no-break space (U+00A0), narrow no-break space (U+202F)
 *   or thin space (U+2009), and an optional decimal part after a comma or a
 *   point. Nothing else ("1e3", "12%", "+5") is a number.
 * - A cell equal to a legend marker means what the legend says, even if it
 *   would also read as a number; a blank cell is only accepted if the legend
 *   has "" as a marker.
 * - "latin-1" is read as Windows-1252, the Latin-1 superset that Swedish
 *   Windows exports actually use, so a "–" marker saved by Excel matches.
 * - Area codes are checked for shape only (00, two or four digits, or
 *   0180-01); whether a kommun exists is the pipeline's check, using `line`.
 * - Blank lines are skipped, and `line` still counts them, as it counts the
 *   extra lines of a quoted cell that holds a line break.
 */
export interface SwedishCsvOptions {
  legend: Legend;
  encoding: "utf-8" | "latin-1";
  areaColumn: string;
  yearColumn: string;
  valueColumns: string[];
  table: string;
  /** How messages name the file (e.g. its path under data/); default: the path read. */
  displayName?: string;
}

export async function readSwedishCsv(connection: DuckDBConnection, path: string, options: SwedishCsvOptions): Promise<{rows: number}> {
  const file = options.displayName ?? path;
  const legend = checkLegend(file, options.legend);
  if (options.valueColumns.length === 0) fail({file}, "no value columns given: expected at least one in options.valueColumns");

  const id = randomBytes(6).toString("hex");
  // DuckDB's latin-1 refuses the bytes 0x80–0x9F that Windows-1252 uses for
  // "–", "’" and "€", so a latin-1 file is handed to DuckDB as UTF-8.
  const utf8Copy = options.encoding === "latin-1" ? join(tmpdir(), `register_csv_${id}.utf8.csv`) : undefined;
  const stage = `register_csv_stage_${id}`;
  const shiftsTable = `register_csv_lines_${id}`;
  let restoreOrder = async () => {};
  try {
    const scan = await scanFile(path, file, options.encoding, utf8Copy);
    const columns = locateColumns(file, scan.header, options);
    const lineMap = scan.mayHaveExtraLines ? await walkRecords(path, file, scan.bomLength, scan.header.length) : undefined;
    const lineOf = lineMapper(lineMap?.shifts ?? []);
    restoreOrder = await keepInsertionOrder(connection);
    try {
      await connection.run(stageSql(utf8Copy ?? path, stage, scan.header.length, columns, legend));
    } catch (error) {
      const problem = lineMap ?? (await walkRecords(path, file, scan.bomLength, scan.header.length));
      if (problem.problem) fail({file, row: problem.problem.line}, problem.problem.message);
      fail({file}, `could not be read as a semicolon-separated csv file: ${firstLine(error)}`);
    }
    const rowCount = await checkRows(connection, file, stage, columns, options, legend, lineOf);
    if (lineMap && lineMap.records - 1 !== rowCount) {
      // Line numbers are only right if DuckDB and the scan agree on where rows start.
      fail({file}, `DuckDB read ${rowCount} rows but the file has ${lineMap.records - 1} records after the header: cannot give line numbers`);
    }
    await checkDuplicates(connection, file, stage, options, lineOf);

    const shifts = lineMap?.shifts ?? [];
    if (shifts.length > 0) await writeShifts(connection, shiftsTable, shifts);
    await connection.run(`CREATE OR REPLACE TABLE ${ident(options.table)} (series VARCHAR NOT NULL, area_code VARCHAR NOT NULL, year INTEGER NOT NULL, value DOUBLE, status VARCHAR NOT NULL, line INTEGER NOT NULL)`);
    await connection.run(insertSql(options.table, stage, shifts.length > 0 ? shiftsTable : undefined, options.valueColumns));
    return {rows: rowCount * options.valueColumns.length};
  } finally {
    await connection.run(`DROP TABLE IF EXISTS temp.main.${ident(stage)}`);
    await connection.run(`DROP TABLE IF EXISTS temp.main.${ident(shiftsTable)}`);
    await restoreOrder();
    if (utf8Copy) await rm(utf8Copy, {force: true});
  }
}

/** Reads a table written by readSwedishCsv back as RegisterValues, in file order. */
export async function readRegisterTable(connection: DuckDBConnection, table: string): Promise<RegisterValue[]> {
  const reader = await connection.runAndReadAll(`SELECT series, area_code, year, value, status FROM ${ident(table)} ORDER BY line, series`);
  return reader.getRowObjectsJS().map((row) => ({
    series: row.series as string,
    area_code: row.area_code as string,
    year: row.year as number,
    value: row.value as number | null,
    status: row.status as Status
  }));
}

// ---------------------------------------------------------------------------
// Encoding, header and line structure: one streaming pass over the bytes.

const CHUNK_SIZE = 16 * 1024 * 1024;
const QUOTE = 0x22;
const SEMICOLON = 0x3b;
const LF = 0x0a;
const CR = 0x0d;
const LF_LF = Buffer.from("\n\n");
const LF_CR_LF = Buffer.from("\n\r\n");
const utf8Decoder = new TextDecoder("utf-8");

interface Scan {
  header: string[];
  bomLength: number;
  /** Quotes or blank lines: rows may not be on line (row number + 1). */
  mayHaveExtraLines: boolean;
}

async function openFile(path: string, file: string): Promise<FileHandle> {
  try {
    return await open(path, "r");
  } catch (error) {
    return fail({file}, `cannot be opened: ${(error as Error).message}`);
  }
}

/**
 * Checks the bytes against the declared encoding, reads the header and notes
 * whether rows can sit off their line number; for latin-1 also writes the
 * UTF-8 copy DuckDB reads.
 */
async function scanFile(path: string, file: string, encoding: SwedishCsvOptions["encoding"], utf8Copy: string | undefined): Promise<Scan> {
  const handle = await openFile(path, file);
  const copy = utf8Copy ? await open(utf8Copy, "w") : undefined;
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_SIZE, size) + 4);
    let base = 0; // file offset of buffer[0]
    let carry = 0; // bytes at the start of buffer kept from the previous chunk
    let readOffset = 0;
    let header: string[] | undefined;
    let bomLength = 0;
    let validUtf8 = true;
    let invalidAt = -1;
    let firstMultibyte = -1;
    let hasQuote = false;
    let hasBlankLine = false;
    let last = -1;
    let beforeLast = -1;

    for (;;) {
      const {bytesRead} = await handle.read(buffer, carry, buffer.length - 4 - carry, readOffset);
      readOffset += bytesRead;
      const end = carry + bytesRead;
      const eof = bytesRead === 0 || readOffset >= size;

      if (header === undefined) {
        bomLength = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
        header = readHeader(file, buffer.subarray(0, end), bomLength, encoding, eof);
      }

      const fresh = buffer.subarray(carry, end);
      if (copy && fresh.length > 0) await copy.write(windows1252ToUtf8(fresh));
      hasQuote ||= fresh.indexOf(QUOTE) >= 0;
      hasBlankLine ||=
        fresh.indexOf(LF_LF) >= 0 ||
        fresh.indexOf(LF_CR_LF) >= 0 ||
        (last === LF && (fresh[0] === LF || (fresh[0] === CR && fresh[1] === LF))) ||
        (beforeLast === LF && last === CR && fresh[0] === LF);
      if (end >= 1) last = buffer[end - 1]!;
      if (end >= 2) beforeLast = buffer[end - 2]!;

      // Validate up to the last complete character; the rest starts the next chunk.
      const cut = eof ? end : utf8Boundary(buffer, end);
      if (validUtf8) {
        const region = buffer.subarray(0, cut);
        if (!isUtf8(region)) {
          validUtf8 = false;
          invalidAt = base + firstInvalidUtf8(region);
          if (encoding === "utf-8") break;
        } else if (encoding === "latin-1" && firstMultibyte < 0 && !isAscii(region)) {
          firstMultibyte = base + region.findIndex((b) => b >= 0x80);
        }
      }
      if (eof) break;
      buffer.copy(buffer, 0, cut, end);
      carry = end - cut;
      base += cut;
    }

    if (encoding === "utf-8" && !validUtf8) await failNotUtf8(file, handle, invalidAt);
    if (encoding === "latin-1" && validUtf8 && firstMultibyte >= 0) await failLooksUtf8(file, handle, firstMultibyte);
    return {header: header!, bomLength, mayHaveExtraLines: hasQuote || hasBlankLine};
  } finally {
    await handle.close();
    await copy?.close();
  }
}

function readHeader(file: string, bytes: Buffer, start: number, encoding: SwedishCsvOptions["encoding"], eof: boolean): string[] {
  let inQuotes = false;
  let end = bytes.length;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (b === LF && !inQuotes) {
      end = i;
      break;
    }
  }
  if (end === bytes.length && !eof) fail({file, row: 1}, `the header row does not end within the first ${bytes.length} bytes: expected a header row of column names`);
  const text = decode(bytes.subarray(start, end), encoding).replace(/\r$/, "");
  if (text.trim() === "") {
    if (eof && bytes.subarray(start).toString("latin1").trim() === "") {
      fail({file}, "empty file: expected a header row of column names");
    }
    fail({file, row: 1}, "the first line is blank: expected the header row of column names");
  }
  return splitRecord(text);
}

function splitRecord(text: string): string[] {
  const fields: string[] = [];
  let field = "";
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else inQuotes = false;
    } else if (ch === '"' && field.trim() === "") {
      inQuotes = true;
      field = "";
    } else if (ch === ";") {
      fields.push(field.trim());
      field = "";
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

function decode(bytes: Uint8Array, encoding: SwedishCsvOptions["encoding"]): string {
  return encoding === "utf-8" ? utf8Decoder.decode(bytes) : decodeWindows1252(bytes);
}

/** The end of the last complete UTF-8 character in buffer[0, end). */
function utf8Boundary(buffer: Uint8Array, end: number): number {
  for (let k = end - 1; k >= Math.max(0, end - 4); k--) {
    const b = buffer[k]!;
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return k + length > end ? k : end;
  }
  return end;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const more = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (more < 0 || i + more >= bytes.length) return i;
    const next = bytes[i + 1]!;
    if ((b === 0xe0 && next < 0xa0) || (b === 0xed && next > 0x9f) || (b === 0xf0 && next < 0x90) || (b === 0xf4 && next > 0x8f)) return i;
    for (let k = 1; k <= more; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return bytes.length;
}

interface LineAt {
  line: number;
  /** The line's bytes, without its line break, cut at 200 bytes. */
  text: Buffer;
}

/** Error path only: the line holding a byte offset, by counting line breaks before it. */
async function lineAt(handle: FileHandle, offset: number): Promise<LineAt> {
  const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
  let line = 1;
  let lineStart = 0;
  for (let position = 0; position < offset; ) {
    const {bytesRead} = await handle.read(buffer, 0, Math.min(CHUNK_SIZE, offset - position), position);
    if (bytesRead === 0) break;
    const chunk = buffer.subarray(0, bytesRead);
    for (let at = chunk.indexOf(LF); at >= 0; at = chunk.indexOf(LF, at + 1)) {
      line++;
      lineStart = position + at + 1;
    }
    position += bytesRead;
  }
  const text = Buffer.alloc(200);
  const {bytesRead} = await handle.read(text, 0, 200, lineStart);
  const end = text.subarray(0, bytesRead).indexOf(LF);
  return {line, text: text.subarray(0, end < 0 ? bytesRead : end > 0 && text[end - 1] === CR ? end - 1 : end)};
}

const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");

async function failNotUtf8(file: string, handle: FileHandle, offset: number): Promise<never> {
  const {line, text} = await lineAt(handle, offset);
  const byte = Buffer.alloc(1);
  await handle.read(byte, 0, 1, offset);
  const asWindows1252 = decodeWindows1252(byte);
  const where = `byte 0x${hex(byte)} at byte offset ${offset}`;
  // A Latin-1 letter such as ö (0xF6) is never valid UTF-8 after a plain letter, which makes this the usual cause.
  if (/[\p{L}\p{N}\p{P}\p{S}\p{Zs}]/u.test(asWindows1252)) {
    return fail(
      {file, row: line},
      `not valid UTF-8: ${where} is ${JSON.stringify(asWindows1252)} in Latin-1/Windows-1252, where the line reads ${JSON.stringify(decodeWindows1252(text))}: the file looks like Latin-1/Windows-1252, so declare its encoding as "latin-1"`
    );
  }
  return fail({file, row: line}, `not valid UTF-8: ${where}: expected UTF-8 text, as declared`);
}

async function failLooksUtf8(file: string, handle: FileHandle, offset: number): Promise<never> {
  const {line, text} = await lineAt(handle, offset);
  const lead = Buffer.alloc(4);
  await handle.read(lead, 0, 4, offset);
  const length = lead[0]! >= 0xf0 ? 4 : lead[0]! >= 0xe0 ? 3 : 2;
  const sequence = lead.subarray(0, length);
  const bom = offset === 0 && hex(sequence) === "EF BB BF";
  const what = bom
    ? `starts with a UTF-8 byte order mark (bytes EF BB BF, which read as ${JSON.stringify(decodeWindows1252(sequence))} in Latin-1)`
    : `has bytes ${hex(sequence)} at byte offset ${offset}, which read as ${JSON.stringify(decodeWindows1252(sequence))} in Latin-1 but ${JSON.stringify(utf8Decoder.decode(sequence))} in UTF-8 (the line reads ${JSON.stringify(utf8Decoder.decode(text))} as UTF-8)`;
  return fail({file, row: line}, `declared latin-1, but the file is valid UTF-8 and ${what}: the file looks like UTF-8, so declare its encoding as "utf-8"`);
}

interface RecordWalk {
  /** From data row `fromRow` (0-based, as DuckDB numbers them) on, rows sit `extra` lines further down. */
  shifts: {fromRow: number; extra: number}[];
  /** Records including the header. */
  records: number;
  /** The first record that would stop a strict csv parser, with its line. */
  problem?: {line: number; message: string};
}

// Parser states, as plain numbers to keep the byte loop cheap.
const State = {FieldStart: 0, Unquoted: 1, Quoted: 2, AfterQuote: 3} as const;

/**
 * Walks the records the way DuckDB's strict parser does, to learn which
 * physical line each row starts on (blank lines and line breaks inside quotes
 * move rows down) and, when DuckDB refused the file, which line and why.
 */
async function walkRecords(path: string, file: string, start: number, headerFields: number): Promise<RecordWalk> {
  const handle = await openFile(path, file);
  const shifts: RecordWalk["shifts"] = [];
  let problem: RecordWalk["problem"];
  const report = (line: number, message: string) => {
    problem ??= {line, message};
  };
  let line = 1;
  let atLineStart = true;
  let record = -1;
  let recordLine = 1;
  let quoteLine = 1;
  let fields = 0;
  let state: number = State.FieldStart;
  let lastExtra = 0;
  let previous = -1;
  let firstEnding: "CR LF" | "LF" | undefined;

  const endRecord = (atLineBreak: boolean) => {
    if (fields !== headerFields) {
      report(recordLine, record === 0 ? `the header has ${fields} fields` : `has ${fields} field${fields === 1 ? "" : "s"} but the header has ${headerFields}: expected ${headerFields} fields separated by ";"`);
    }
    if (!atLineBreak) return;
    const ending = previous === CR ? "CR LF" : "LF";
    firstEnding ??= ending;
    if (ending !== firstEnding) report(line, `ends in ${ending} but line 1 ends in ${firstEnding}: expected one kind of line break throughout the file`);
  };

  try {
    const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
    for (let position = start; ; ) {
      const {bytesRead} = await handle.read(buffer, 0, CHUNK_SIZE, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      for (let i = 0; i < bytesRead; i++) {
        const b = buffer[i]!;
        if (atLineStart) {
          if (b === CR) {
            previous = b;
            continue;
          }
          if (b === LF) {
            // A blank line, which DuckDB skips without counting a row.
            line++;
            previous = b;
            continue;
          }
          atLineStart = false;
          record++;
          recordLine = line;
          fields = 1;
          state = State.FieldStart;
          const extra = line - (record + 1);
          if (extra !== lastExtra) {
            shifts.push({fromRow: record - 1, extra});
            lastExtra = extra;
          }
        }
        switch (state) {
          case State.FieldStart:
            if (b === QUOTE) {
              state = State.Quoted;
              quoteLine = line;
            } else if (b === SEMICOLON) fields++;
            else if (b === LF) {
              endRecord(true);
              line++;
              atLineStart = true;
            } else if (b !== CR) state = State.Unquoted;
            break;
          case State.Unquoted:
            if (b === SEMICOLON) {
              fields++;
              state = State.FieldStart;
            } else if (b === LF) {
              endRecord(true);
              line++;
              atLineStart = true;
            }
            break;
          case State.Quoted:
            if (b === QUOTE) state = State.AfterQuote;
            else if (b === LF) line++;
            break;
          case State.AfterQuote:
            if (b === QUOTE) state = State.Quoted;
            else if (b === SEMICOLON) {
              fields++;
              state = State.FieldStart;
            } else if (b === LF) {
              endRecord(true);
              line++;
              atLineStart = true;
            } else if (b !== CR && b !== 0x20) {
              report(line, `has text after a closing quote: expected ";" or the end of the line after a quoted cell`);
              state = State.Unquoted;
            }
            break;
        }
        previous = b;
      }
    }
    if (state === State.Quoted) report(quoteLine, "a quoted cell starts here and never ends: expected a closing quote");
    else if (!atLineStart) endRecord(false);
  } finally {
    await handle.close();
  }
  return {shifts, records: record + 1, problem};
}

function lineMapper(shifts: RecordWalk["shifts"]): (row: number) => number {
  return (row) => {
    let extra = 0;
    for (const shift of shifts) {
      if (shift.fromRow > row) break;
      extra = shift.extra;
    }
    return row + 2 + extra;
  };
}

// ---------------------------------------------------------------------------
// SQL: parse, normalise, check and write.

interface Columns {
  area: number;
  year: number;
  values: number[];
}

function locateColumns(file: string, header: string[], options: SwedishCsvOptions): Columns {
  const required = [options.areaColumn, options.yearColumn, ...options.valueColumns];
  const twice = required.find((name, i) => required.indexOf(name) !== i);
  if (twice !== undefined) fail({file}, `the options name column ${quote(twice)} twice: expected the area, the year and each value column to be different columns`);
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    const name = missing[0]!;
    const also = missing.length > 1 ? ` (and ${listAnd(missing.slice(1).map(quote))})` : "";
    const alike = header.find((h) => h.toLowerCase() === name.toLowerCase());
    const hint = alike
      ? `; ${quote(alike)} differs only in case`
      : header.length === 1 && /[,\t]/.test(header[0]!)
        ? `; the header has no ";", so the file may use another separator`
        : "";
    fail({file, row: 1, column: name}, `missing column ${quote(name)}${also}: expected columns ${listAnd(required.map(quote))}; found ${listAnd(header.map(quote))}${hint}`);
  }
  for (const name of required) {
    const at = header.flatMap((h, i) => (h === name ? [i + 1] : []));
    if (at.length > 1) fail({file, row: 1, column: name}, `column ${quote(name)} appears ${at.length} times in the header (fields ${listAnd(at.map(String))}): expected it once`);
  }
  return {area: header.indexOf(options.areaColumn), year: header.indexOf(options.yearColumn), values: options.valueColumns.map((name) => header.indexOf(name))};
}

const GROUP_SPACES = " \u00a0\u202f\u2009";
const NUMBER_PATTERN = `[-\u2212]?(\\d{1,3}([${GROUP_SPACES}]\\d{3})+|\\d+)([.,]\\d+)?`;
const AREA_PATTERN = "\\d{2}|\\d{4}|\\d{4}-\\d{2}";

function stageSql(path: string, stage: string, fieldCount: number, columns: Columns, legend: Legend): string {
  const columnTypes = Array.from({length: fieldCount}, (_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  const cell = (i: number) => `nullif(trim(c${i}), '')`;
  const raws = columns.values.map((c, v) => `${cell(c)} AS raw_${v}`).join(", ");
  const markerCase = (raw: string) => {
    const whens = Object.entries(legend).flatMap(([marker, meaning]) => {
      if (marker === "") return [`WHEN ${raw} IS NULL THEN '${meaning}'`];
      return [`WHEN ${raw} = ${sqlString(marker)} THEN '${meaning}'`];
    });
    return whens.length ? `CASE ${whens.join(" ")} END` : "NULL::VARCHAR";
  };
  const normalised = (raw: string) => `replace(replace(regexp_replace(${raw}, '[${GROUP_SPACES}]', '', 'g'), ',', '.'), '\u2212', '-')`;
  const perValue = columns.values
    .map((_, v) => {
      const raw = `raw_${v}`;
      return `${raw}, ${markerCase(raw)} AS marker_${v}, CASE WHEN regexp_full_match(${raw}, '${NUMBER_PATTERN}') THEN TRY_CAST(${normalised(raw)} AS DOUBLE) END AS number_${v}`;
    })
    .join(",\n  ");
  return `CREATE TEMP TABLE ${ident(stage)} AS
SELECT area, year_raw, CASE WHEN regexp_full_match(year_raw, '\\d{4}') THEN CAST(year_raw AS INTEGER) END AS year,
  ${perValue}
FROM (
  SELECT ${cell(columns.area)} AS area, ${cell(columns.year)} AS year_raw, ${raws}
  FROM read_csv(${sqlString(path)}, columns = {${columnTypes}}, header = true, auto_detect = false, delim = ';', quote = '"', escape = '"',
    strict_mode = true, null_padding = false)
)`;
}

async function checkRows(
  connection: DuckDBConnection,
  file: string,
  stage: string,
  columns: Columns,
  options: SwedishCsvOptions,
  legend: Legend,
  lineOf: (row: number) => number
): Promise<number> {
  const checks = [
    `min(rowid) FILTER (WHERE area IS NULL OR NOT regexp_full_match(area, '${AREA_PATTERN}'))`,
    `min(rowid) FILTER (WHERE year IS NULL)`,
    ...columns.values.map((_, v) => `min(rowid) FILTER (WHERE marker_${v} IS NULL AND number_${v} IS NULL)`)
  ];
  const reader = await connection.runAndReadAll(`SELECT count(*) AS n, ${checks.map((check, i) => `${check} AS check_${i}`).join(", ")} FROM ${ident(stage)}`);
  const result = reader.getRowsJS()[0]!.map((x) => (x === null ? null : Number(x)));
  const rowCount = result[0]!;
  const found = result.slice(1);
  const firstRow = Math.min(...found.map((row) => row ?? Infinity));
  if (firstRow === Infinity) return rowCount;

  const check = found.indexOf(firstRow);
  const row = (await connection.runAndReadAll(`SELECT * FROM ${ident(stage)} WHERE rowid = ${firstRow}`)).getRowObjectsJS()[0]!;
  const line = lineOf(firstRow);
  if (check === 0) {
    const area = row.area as string | null;
    const hint = area && /^\d{1}$|^\d{3}$/.test(area) ? ` (${quote(area)} looks like a code that lost its leading zero, as a spreadsheet does: ${quote(`0${area}`)})` : "";
    fail({file, row: line, column: options.areaColumn}, `area code ${quote(area)} is not an area code: expected 00 (riket), a two-digit län code, a four-digit kommun code or a stadsdel code such as 0180-01${hint}`);
  }
  if (check === 1) fail({file, row: line, column: options.yearColumn}, `year ${quote(row.year_raw)} is not a year: expected a four-digit year such as 2016`);
  const v = check - 2;
  const raw = row[`raw_${v}`];
  const column = options.valueColumns[v]!;
  const markers = describeLegend(legend);
  if (raw === null) {
    fail({file, row: line, column}, `the cell is blank: expected a number or a marker from the legend, ${markers} (a legend can give "" a meaning)`);
  }
  if (typeof raw === "string" && /\d/.test(raw)) {
    fail({file, row: line, column}, `${quote(raw)} is not a number: expected a number such as 12, 12,5 or 1 234, or a marker from the legend, ${markers}`);
  }
  return fail({file, row: line, column}, `unknown marker ${quote(raw)}: expected a number or a marker from the legend, ${markers}`);
}

async function checkDuplicates(connection: DuckDBConnection, file: string, stage: string, options: SwedishCsvOptions, lineOf: (row: number) => number): Promise<void> {
  // Counting distinct pairs (by hash) is cheap; which rows repeat is only worth finding once some do.
  const counts = (await connection.runAndReadAll(`SELECT count(*) = count(DISTINCT hash(area, year)) AS all_unique FROM ${ident(stage)}`)).getRowsJS();
  if (counts[0]![0] === true) return;
  const reader = await connection.runAndReadAll(
    `SELECT area, year, min(rowid, 2) AS rows FROM ${ident(stage)} GROUP BY area, year HAVING count(*) > 1 ORDER BY rows[2] LIMIT 1`
  );
  const duplicate = reader.getRowObjectsJS()[0];
  if (!duplicate) return;
  const [first, second] = (duplicate.rows as bigint[]).map(Number) as [number, number];
  fail(
    {file, row: lineOf(second)},
    `repeats area ${duplicate.area} and year ${duplicate.year} from row ${lineOf(first)}: expected one row per area and year (${options.areaColumn}, ${options.yearColumn})`
  );
}

async function writeShifts(connection: DuckDBConnection, table: string, shifts: RecordWalk["shifts"]): Promise<void> {
  await connection.run(`CREATE TEMP TABLE ${ident(table)} (from_row BIGINT, extra INTEGER)`);
  const appender = await connection.createAppender(table, "main", "temp");
  for (const {fromRow, extra} of shifts) {
    appender.appendBigInt(BigInt(fromRow));
    appender.appendInteger(extra);
    appender.endRow();
  }
  appender.closeSync();
}

function insertSql(table: string, stage: string, shiftsTable: string | undefined, valueColumns: string[]): string {
  const source = shiftsTable
    ? `(SELECT rowid AS row_index, * FROM ${ident(stage)}) s ASOF LEFT JOIN ${ident(shiftsTable)} h ON s.row_index >= h.from_row`
    : `(SELECT rowid AS row_index, * FROM ${ident(stage)}) s`;
  const extra = shiftsTable ? " + coalesce(h.extra, 0)" : "";
  const selects = valueColumns.map(
    (name, v) =>
      `SELECT ${sqlString(name)}, area, year, ` +
      `CASE WHEN marker_${v} IS NULL THEN number_${v} WHEN marker_${v} = 'zero' THEN 0 END, ` +
      `CASE WHEN marker_${v} IS NULL OR marker_${v} = 'zero' THEN 'ok' ELSE marker_${v} END, ` +
      `CAST(row_index + 2${extra} AS INTEGER) FROM ${source}`
  );
  return `INSERT INTO ${ident(table)}\n${selects.join("\nUNION ALL\n")}`;
}

/** DuckDB's setting decides whether rowid follows file order; loaders may have turned it off to save memory. */
async function keepInsertionOrder(connection: DuckDBConnection): Promise<() => Promise<void>> {
  const reader = await connection.runAndReadAll("SELECT current_setting('preserve_insertion_order')");
  if (reader.getRowsJS()[0]![0] === true) return async () => {};
  await connection.run("SET preserve_insertion_order = true");
  return async () => {
    await connection.run("SET preserve_insertion_order = false");
  };
}

// Windows-1252 is Latin-1 with printable characters in 0x80–0x9F, where
// Latin-1 (and Node's TextDecoder("windows-1252"), which decodes as Latin-1)
// has control characters: this table puts them back.
const WINDOWS_1252_80_9F =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";
const WINDOWS_1252_80_9F_UTF8 = [...WINDOWS_1252_80_9F].map((ch) => Buffer.from(ch, "utf8"));

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (ch) => WINDOWS_1252_80_9F[ch.charCodeAt(0) - 0x80]!);
}

function windows1252ToUtf8(bytes: Uint8Array): Buffer {
  const utf8 = transcode(bytes, "latin1", "utf8");
  // Latin-1's U+0080–U+009F come out as C2 80–C2 9F; C2 is never a continuation byte, so this finds only those.
  const parts: Uint8Array[] = [];
  let from = 0;
  for (let at = utf8.indexOf(0xc2); at >= 0; at = utf8.indexOf(0xc2, at + 2)) {
    const next = utf8[at + 1]!;
    if (next > 0x9f) continue;
    parts.push(utf8.subarray(from, at), WINDOWS_1252_80_9F_UTF8[next - 0x80]!);
    from = at + 2;
  }
  if (parts.length === 0) return utf8;
  parts.push(utf8.subarray(from));
  return Buffer.concat(parts);
}

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split("\n")[0]!;
}

function listAnd(values: readonly string[]): string {
  return values.length <= 1 ? values.join("") : `${values.slice(0, -1).join(", ")} and ${values[values.length - 1]}`;
}
