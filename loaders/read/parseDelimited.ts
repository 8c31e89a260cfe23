import {fail} from "../errors.js";

/**
 * RFC 4180 parsing for the small delimited files read in JS (reference lists,
 * survey exports). Large register files go through DuckDB instead (see
 * register/readSwedishCsv.ts). Returns rows as arrays of raw strings with their
 * 1-based line number in the file, so errors can point at the line a user sees.
 */
export interface DelimitedRow {
  line: number;
  cells: string[];
}

export function parseDelimited(file: string, text: string, delimiter: string): DelimitedRow[] {
  const rows: DelimitedRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    cells.push(cell);
    // A trailing empty line is not a row.
    if (!(cells.length === 1 && cells[0] === "")) rows.push({line: rowLine, cells});
    cells = [];
    cell = "";
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"' && cell === "") {
      quoted = true;
    } else if (c === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += c;
    }
  }
  if (quoted) fail({file, row: rowLine}, "unterminated quoted field (expected a closing \")");
  if (cell !== "" || cells.length > 0) endRow();
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
