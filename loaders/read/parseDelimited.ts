import {fail} from "../errors.js";
import {formatBytes, LIMITS} from "./limits.js";

/**
 * RFC 4180 parsing for the small delimited files read in JS (reference lists,
 * survey exports). Large register files go through DuckDB instead (see
 * register/readSwedishCsv.ts). Returns rows as arrays of raw strings with their
 * 1-based line number in the file, so errors can point at the line a user sees.
 * A field longer than the record limit stops the read (a quote left open
 * would otherwise swallow the rest of the file into one cell).
 */
export interface DelimitedRow {
  line: number;
  cells: string[];
}

export function parseDelimited(file: string, text: string, delimiter: string, {partial = false}: {partial?: boolean} = {}): DelimitedRow[] {
  const rows: DelimitedRow[] = [];
  let cells: string[] = [];
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  let cellStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let i = cellStart;
  // A cell is a slice of the text unless it holds an escaped quote; then it is built.
  let built: string | undefined;
  let quoted = false;
  const limit = LIMITS.csvRecordBytes;
  const endCell = (end: number) => {
    cells.push(built ?? text.slice(cellStart, end));
    built = undefined;
  };
  const endRow = () => {
    // A trailing empty line is not a row.
    if (!(cells.length === 1 && cells[0] === "")) rows.push({line: rowLine, cells});
    cells = [];
  };
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 0x22) {
        if (text.charCodeAt(i + 1) === 0x22) {
          built = (built ?? "") + text.slice(cellStart, i + 1);
          cellStart = i + 2;
          i++;
        } else {
          built = (built ?? "") + text.slice(cellStart, i);
          quoted = false;
          cellStart = i + 1;
        }
      } else if (c === 0x0a) line++;
      if (i - cellStart > limit) fail({file, row: quoteLine}, `a quoted cell starts here and runs on for more than ${formatBytes(limit)}: expected a closing quote (one is probably missing)`);
    } else if (c === 0x22 && i === cellStart && built === undefined) {
      quoted = true;
      quoteLine = line;
      cellStart = i + 1;
      built = "";
    } else if (text[i] === delimiter) {
      endCell(i);
      cellStart = i + 1;
    } else if (c === 0x0a || c === 0x0d) {
      endCell(i);
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      endRow();
      line++;
      rowLine = line;
      cellStart = i + 1;
    } else if (built !== undefined) {
      // Text after a closing quote belongs to the cell, as lenient readers keep it.
      built += text[i];
      cellStart = i + 1;
    } else if (i - cellStart > limit) {
      fail({file, row: rowLine}, `has a cell longer than ${formatBytes(limit)}, the reader's limit: expected a delimited table (is this the right file?)`);
    }
  }
  if (quoted) {
    if (partial) return rows;
    fail({file, row: quoteLine}, "unterminated quoted field (expected a closing \")");
  }
  if (cellStart < text.length || cells.length > 0 || built !== undefined) {
    endCell(text.length);
    endRow();
  }
  return rows;
}

/** Header + records keyed by header name; checks every row has the header's width. */
export function parseTable(file: string, text: string, delimiter: string): {header: string[]; records: {line: number; values: Record<string, string>}[]} {
  const rows = parseDelimited(file, text, delimiter);
  const first = rows[0];
  if (!first) fail({file}, "empty file (expected a header row)");
  const header = first.cells.map((h) => h.trim());
  const records = rows.slice(1).map(({line, cells}) => {
    if (cells.length !== header.length) {
      fail({file, row: line}, `${cells.length} fields, expected ${header.length} as in the header (is the delimiter "${delimiter}"?)`);
    }
    const values: Record<string, string> = {};
    header.forEach((h, j) => (values[h] = cells[j]!));
    return {line, values};
  });
  return {header, records};
}
