// @ts-check
// The project's one csv writer, on d3-dsv (which quotes fields that hold the
// delimiter, a quote or a line break). Two conventions, one per audience:
//
//   EXCEL     Swedish Excel and SCB's own files: semicolon, decimal comma,
//             UTF-8 with a byte order mark (so Excel reads å, ä, ö), CRLF.
//             A double-click opens it right in a Swedish Excel.
//   PROGRAMS  RFC 4180: comma, dot as decimal separator, UTF-8 without BOM,
//             CRLF, a header row. R, Python, DuckDB read it with no options.
//
// In both, text that a spreadsheet would take for a formula (it begins with
// =, +, -, @, a tab or a carriage return) is written with a leading
// apostrophe, as OWASP's CSV-injection guidance says, so Excel and LibreOffice
// show it as text and never run it. Numbers stay numbers: the rule applies to
// text values only, so −3 in a number column is written as -3.
import {dsvFormat} from "d3-dsv";

/** @typedef {{delimiter: string, decimal: string, bom: boolean, newline: string}} CsvConvention */
/** @typedef {{key: string, label: string, type: "text" | "number" | string}} CsvColumn */

/** @type {CsvConvention} */
export const EXCEL = Object.freeze({delimiter: ";", decimal: ",", bom: true, newline: "\r\n"});
/** @type {CsvConvention} */
export const PROGRAMS = Object.freeze({delimiter: ",", decimal: ".", bom: false, newline: "\r\n"});

/** Text a spreadsheet would read as a formula or a command. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that cannot start a formula: "=1+1" → "'=1+1".
 * @param {string} text
 */
export function defuseFormula(text) {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A number as csv text: at most 12 significant digits (no binary noise such as
 * 0.30000000000000004), with the convention's decimal separator.
 * @param {number} value
 * @param {CsvConvention} convention
 */
export function csvNumber(value, convention) {
  const text = String(Number(value.toPrecision(12)));
  return convention.decimal === "." ? text : text.replace(".", convention.decimal);
}

/**
 * Text for a value of a text column: dates as ISO dates (times without
 * milliseconds), everything else as String(value).
 * @param {unknown} value
 */
function textOf(value) {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(/\.000Z$/, "Z");
  }
  return String(value);
}

/**
 * One field's text (before quoting). Null, undefined and NaN are empty.
 * @param {unknown} value
 * @param {CsvColumn} column
 * @param {CsvConvention} convention
 */
export function csvField(value, column, convention) {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return "";
  if (column.type === "number") {
    if (typeof value !== "number") throw new Error(`Kolumnen ${column.label}: väntade ett tal, fick ${JSON.stringify(value)}`);
    return csvNumber(value, convention);
  }
  return defuseFormula(textOf(value));
}

/**
 * Rows as csv text: a header row of the columns' labels, then one line per row.
 * @param {Record<string, unknown>[]} rows
 * @param {CsvColumn[]} columns
 * @param {CsvConvention} [convention] EXCEL (default) or PROGRAMS
 * @returns {string}
 */
export function writeCsv(rows, columns, convention = EXCEL) {
  const format = dsvFormat(convention.delimiter);
  const header = columns.map((c) => defuseFormula(c.label));
  const lines = [format.formatRow(header)];
  for (const row of rows) lines.push(format.formatRow(columns.map((c) => csvField(row[c.key], c, convention))));
  return `${convention.bom ? "\ufeff" : ""}${lines.join(convention.newline)}${convention.newline}`;
}
