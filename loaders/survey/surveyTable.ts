import {fail, listAnd, quote} from "../errors.js";
import {isEmptyRow, rowText, trailingNotes} from "../read/tableRows.js";
import type {Warn} from "../report/warnings.js";
import {canonicalHeader, findHeaderRow, HEADER_SEARCH_ROWS, type HeaderWords} from "./surveyHeader.js";

/** A survey file as read, before validation: its header (canonical names) and raw cell strings by column. */
export interface SurveyTable {
  file: string;
  header: string[];
  /** The row the header is on (1 unless title rows are above it). */
  headerRow: number;
  /** The file's own wording of a canonical column, where it differs ("Kommunkod" for Kod). */
  original: Record<string, string>;
  rows: {row: number; cells: Record<string, string>}[];
}

export interface RawRow {
  /** 1-based row (csv line, or spreadsheet row). */
  row: number;
  cells: string[];
  /** Spreadsheet column letters of the cells, where a message should use them. */
  columns?: string[];
}

/**
 * From a file's rows to a survey table: the header row found below any title
 * rows (reported), notes and blank rows below the table left out (reported),
 * wholly empty rows skipped, and every cell under a header name.
 */
export function surveyTableFrom(file: string, rows: RawRow[], words: HeaderWords, warn: Warn, {delimiter}: {delimiter?: string} = {}): SurveyTable {
  const at = findHeaderRow(rows.map((r) => r.cells), words);
  if (at < 0) {
    const first = rows.find((r) => !isEmptyRow(r.cells));
    if (!first) fail({file}, `has no rows: expected a header row of column names`);
    fail({file, row: first.row}, `no header row with a unit column (${listAnd(words.unit.map(quote))}) in the first ${HEADER_SEARCH_ROWS} rows: expected the column names of the questionnaire; row ${first.row} reads ${JSON.stringify(rowText(first.cells))}`);
  }
  const headerRow = rows[at]!;
  const titles = rows.slice(0, at).filter((r) => !isEmptyRow(r.cells));
  if (titles.length) warn({file, row: titles[0]!.row, message: `skipped ${titles.length} row${titles.length === 1 ? "" : "s"} above the header on row ${headerRow.row} (row ${titles[0]!.row}: ${JSON.stringify(rowText(titles[0]!.cells))})`});
  const {names, original} = canonicalHeader(headerRow.cells, words);
  let body = rows.slice(at + 1);

  const trailing = trailingNotes(body.map((r) => r.cells));
  const dropped = body.slice(body.length - trailing).filter((r) => !isEmptyRow(r.cells));
  if (dropped.length > 0) warn({file, row: dropped[0]!.row, message: `left out ${dropped.length} note row${dropped.length === 1 ? "" : "s"} below the table (row ${dropped[0]!.row}: ${JSON.stringify(rowText(dropped[0]!.cells))})`});
  body = body.slice(0, body.length - trailing);
  const table: SurveyTable = {file, header: names.filter((n) => n !== ""), headerRow: headerRow.row, original, rows: []};
  for (const {row, cells, columns} of body) {
    if (isEmptyRow(cells)) continue;
    // A csv row of another width than the header means a delimiter inside a cell, or a cell too few.
    if (delimiter !== undefined && cells.length !== names.length && !(cells.length > names.length && isEmptyRow(cells.slice(names.length)))) {
      fail({file, row}, `${cells.length} fields, expected ${names.length} as in the header (is the delimiter "${delimiter}"?)`);
    }
    const values: Record<string, string> = {};
    cells.forEach((text, i) => {
      const name = names[i];
      if (name === undefined || name === "") {
        if (text.trim() !== "") fail({file, row, column: columns?.[i] ?? String(i + 1)}, `value ${JSON.stringify(text)} in a column without header: expected the column to be empty, or a name in row ${headerRow.row}`);
        return;
      }
      values[name] = text;
    });
    table.rows.push({row, cells: values});
  }
  return table;
}
