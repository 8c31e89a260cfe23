/**
 * Where a publisher's csv table is and what its columns mean: the delimiter
 * (declared, or the one under which the declared columns appear), the header
 * row below any title lines, and the layout the source declares — long (a year
 * column and value columns) or wide (one column per year), the area as a
 * column or one declared area for the whole table, and extra dimensions kept
 * in the series or selected by value.
 */
import {fail, listAnd, quote} from "../../errors.js";
import {foldName} from "../../reference/areaIndex.js";
import {isEmptyRow, rowText} from "../../read/tableRows.js";
import {splitRecords, type RawRecord} from "./splitRecords.js";
import {delimiterName} from "./walkRecords.js";

export interface CsvDeclaration {
  /** The column holding the area (code, name, or "0114 Upplands Väsby"); absent when `areaCode` is given. */
  areaColumn?: string;
  /** The area of every row of a table without an area column (a national series: "00"). */
  areaCode?: string;
  /** Long layout: the year column and the value columns, each a series named by its header. */
  yearColumn?: string;
  valueColumns?: string[];
  /** Wide layout: one column per year (headers such as 2015, 2016); `series` names the values. */
  wide?: {series: string};
  /** Extra dimension columns: "*" keeps each value as part of the series, any other text selects that value. */
  dimensions?: Record<string, string>;
  /** ";", "," or "\t"; detected when absent. */
  delimiter?: string;
}

export interface CsvLayout {
  delimiter: string;
  header: string[];
  headerLine: number;
  headerOffset: number;
  /** Records above the header, blank ones included: DuckDB's skip. */
  skip: number;
  /** The non-blank ones: title lines, reported as skipped. */
  titles: RawRecord[];
  area: {column: number; name: string} | {code: string};
  year?: {column: number; name: string};
  /** Long: the value columns; wide: the year columns, each with its year. */
  values: {column: number; name: string; year?: number}[];
  series?: string;
  kept: {column: number; name: string}[];
  selected: {column: number; name: string; value: string}[];
  /** Columns with a blank header (Excel's trailing empty columns): they must stay empty. */
  unnamed: number[];
}

const DELIMITERS = [";", ",", "\t"];
const HEAD_RECORDS = 100;
const YEAR_HEADER = /^\d{4}$/;

function checkDeclaration(file: string, d: CsvDeclaration): void {
  if (d.delimiter !== undefined && !DELIMITERS.includes(d.delimiter)) fail({file}, `delimiter ${quote(d.delimiter)} is not one the reader knows: expected ";", "," or "\\t" (or none, to detect it)`);
  if ((d.areaColumn === undefined) === (d.areaCode === undefined)) fail({file}, "declare either the area column (area_column) or one area for the whole table (area_code), not both or neither");
  if (d.wide && (d.valueColumns !== undefined || d.yearColumn !== undefined)) fail({file}, "a wide table has one column per year: declare wide.series, not year_column or value_columns");
  if (!d.wide) {
    if (d.yearColumn === undefined) fail({file}, "no year column given: expected year_column (a long table) or wide (one column per year)");
    if (!d.valueColumns?.length) fail({file}, "no value columns given: expected at least one in value_columns");
  }
  const named = [d.areaColumn, d.yearColumn, ...(d.valueColumns ?? []), ...Object.keys(d.dimensions ?? {})].filter((n): n is string => n !== undefined);
  const twice = named.find((name, i) => named.indexOf(name) !== i);
  if (twice !== undefined) fail({file}, `the declaration names column ${quote(twice)} twice: expected the area, the year, each value column and each dimension to be different columns`);
}

function required(d: CsvDeclaration): string[] {
  return [d.areaColumn, d.yearColumn, ...(d.valueColumns ?? []), ...Object.keys(d.dimensions ?? {})].filter((n): n is string => n !== undefined);
}

interface Candidate {
  delimiter: string;
  records: RawRecord[];
  index: number;
  matched: number;
  complete: boolean;
}

function score(cells: string[], names: string[], wide: boolean): {matched: number; complete: boolean} {
  const trimmed = cells.map((c) => c.trim());
  const matched = names.filter((n) => trimmed.includes(n)).length;
  const years = trimmed.filter((c) => YEAR_HEADER.test(c)).length;
  return {matched: matched + (wide && years > 0 ? 1 : 0), complete: matched === names.length && (!wide || years > 0)};
}

/** The header row: the first record, under the first delimiter that gives one, holding every declared column. */
export function findLayout(file: string, head: Uint8Array, from: number, atEnd: boolean, d: CsvDeclaration): CsvLayout {
  checkDeclaration(file, d);
  const names = required(d);
  const wide = d.wide !== undefined;
  let best: Candidate | undefined;
  for (const delimiter of d.delimiter ? [d.delimiter] : DELIMITERS) {
    const records = splitRecords(head, delimiter, {from, max: HEAD_RECORDS, atEnd});
    records.forEach((record, index) => {
      const {matched, complete} = score(record.cells, names, wide);
      const width = record.cells.length;
      if (!best || (!best.complete && (complete || matched > best.matched || (matched === best.matched && width > best.records[best.index]!.cells.length)))) {
        best = {delimiter, records, index, matched, complete};
      }
    });
    if (best?.complete && best.delimiter === delimiter) break;
  }
  const first = best?.records.find((r) => !isEmptyRow(r.cells));
  if (!best || !first) return fail({file}, "has no rows: expected a header row of column names");
  if (!best.complete) missingColumns(file, best, d, names);
  const headerRecord = best.records[best.index]!;
  const header = headerRecord.cells.map((c) => c.trim());
  const at = (name: string) => header.indexOf(name);
  for (const name of names) {
    const all = header.flatMap((h, i) => (h === name ? [i + 1] : []));
    if (all.length > 1) fail({file, row: headerRecord.line, column: name}, `column ${quote(name)} appears ${all.length} times in the header (fields ${listAnd(all.map(String))}): expected it once`);
  }
  const dimensions = Object.entries(d.dimensions ?? {});
  const values = wide
    ? header.flatMap((h, column) => (YEAR_HEADER.test(h) ? [{column, name: h, year: Number(h)}] : []))
    : d.valueColumns!.map((name) => ({column: at(name), name}));
  return {
    delimiter: best.delimiter,
    header,
    headerLine: headerRecord.line,
    headerOffset: headerRecord.start,
    skip: best.index,
    titles: best.records.slice(0, best.index).filter((r) => !isEmptyRow(r.cells)),
    area: d.areaColumn !== undefined ? {column: at(d.areaColumn), name: d.areaColumn} : {code: d.areaCode!},
    year: d.yearColumn !== undefined ? {column: at(d.yearColumn), name: d.yearColumn} : undefined,
    values,
    series: d.wide?.series,
    kept: dimensions.filter(([, v]) => v === "*").map(([name]) => ({column: at(name), name})),
    selected: dimensions.filter(([, v]) => v !== "*").map(([name, value]) => ({column: at(name), name, value})),
    unnamed: header.flatMap((h, i) => (h === "" ? [i] : []))
  };
}

function missingColumns(file: string, best: Candidate, d: CsvDeclaration, names: string[]): never {
  const record = best.records[best.index]!;
  const header = record.cells.map((c) => c.trim());
  const missing = names.filter((n) => !header.includes(n));
  const expected = `expected columns ${listAnd(names.map(quote))}${d.wide ? " and columns named by year (2015, 2016, …)" : ""}`;
  const found = `found ${listAnd(header.map(quote))}`;
  if (missing.length === 0) fail({file, row: record.line}, `no column is named by a year: ${expected}; ${found}`);
  const name = missing[0]!;
  const also = missing.length > 1 ? ` (and ${listAnd(missing.slice(1).map(quote))})` : "";
  const alike = header.find((h) => foldName(h) === foldName(name));
  const hint = alike
    ? `; ${quote(alike)} differs only in case or accents`
    : header.length === 1 && !d.delimiter
      ? `; no line splits into these columns on ";", "," or tab`
      : header.length === 1 && /[;,\t]/.test(header[0]!)
        ? `; the header has no ${delimiterName(best.delimiter)}, so the file may use another delimiter than the declared one`
        : "";
  const titles = best.index > 0 ? ` (in line ${record.line}, after ${best.index} line${best.index === 1 ? "" : "s"} above it)` : "";
  return fail({file, row: record.line, column: name}, `missing column ${quote(name)}${also}: ${expected}; ${found}${titles}${hint}`);
}

/** For the load report and warnings: the title lines above the header. */
export function titleWarning(layout: CsvLayout): string | undefined {
  if (layout.titles.length === 0) return undefined;
  const first = layout.titles[0]!;
  return `skipped ${layout.titles.length} line${layout.titles.length === 1 ? "" : "s"} above the header on line ${layout.headerLine} (line ${first.line}: ${JSON.stringify(rowText(first.cells))})`;
}
