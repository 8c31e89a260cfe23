import ExcelJS from "exceljs";
import {fail, listAnd, quote} from "../errors.js";
import {decodeAs} from "../read/encoding.js";
import {formatBytes, LIMITS} from "../read/limits.js";
import {checkDownload} from "../read/sniffDownload.js";
import {checkUnpackedSize} from "../read/zipEntries.js";
import type {Warn} from "../report/warnings.js";
import {findHeaderRow, HEADER_SEARCH_ROWS, type HeaderWords} from "./surveyHeader.js";
import {surveyTableFrom, type RawRow, type SurveyTable} from "./surveyTable.js";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The text a user sees in a cell; numbers keep their digits (leading zeros are restored by validation). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

/**
 * Opens an xlsx workbook, turning zip and format failures into messages a user
 * can act on; a download that is a web page or an error is named as such, and
 * a workbook that would unpack beyond the limit is refused before it is built.
 */
export async function openWorkbook(file: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) fail({file}, "empty file (0 bytes): expected an xlsx workbook; the download or export produced nothing");
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    checkDownload(file, decodeAs(bytes.subarray(0, 4096), "windows-1252"), bytes.length, "an xlsx workbook");
    fail({file}, "not an xlsx workbook (the file does not start as a zip archive; was it saved as .xls or csv?)");
  }
  if (bytes.length > LIMITS.xlsxFileBytes) fail({file}, `is ${formatBytes(bytes.length)}, more than the ${formatBytes(LIMITS.xlsxFileBytes)} a workbook may have here: save only the sheet with the data, or save it as csv`);
  checkUnpackedSize(file, bytes, LIMITS.xlsxUnpackedBytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    fail({file}, `not a readable xlsx workbook, the file may be truncated (${(error as Error).message})`);
  }
  if (workbook.worksheets.length === 0) fail({file}, "the workbook has no sheets");
  return workbook;
}

function sheetRows(sheet: ExcelJS.Worksheet, upTo = sheet.rowCount): RawRow[] {
  const rows: RawRow[] = [];
  for (let r = 1; r <= upTo; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    const columns: string[] = [];
    row.eachCell({includeEmpty: true}, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
      columns[col - 1] = cell.address.replace(/\d+$/, "");
    });
    for (let i = 0; i < cells.length; i++) {
      cells[i] ??= "";
      columns[i] ??= sheet.getColumn(i + 1).letter;
    }
    rows.push({row: r, cells, columns});
  }
  return rows;
}

/**
 * Reads a survey export as a person saves it: the answers on the declared
 * sheet, or the first sheet whose header (below any title rows) has a unit
 * column — a notes sheet may come first — with the header's wording mapped by
 * the questionnaire declaration.
 */
export async function readSurveyXlsx(file: string, bytes: Uint8Array, words: HeaderWords, {sheet: wanted, warn = () => {}}: {sheet?: string; warn?: Warn} = {}): Promise<SurveyTable> {
  const workbook = await openWorkbook(file, bytes);
  const names = workbook.worksheets.map((s) => s.name);
  let sheet: ExcelJS.Worksheet | undefined;
  if (wanted !== undefined) {
    sheet = workbook.getWorksheet(wanted);
    if (!sheet) fail({file}, `has no sheet ${quote(wanted)} (declared in data/sources.json): its sheets are ${listAnd(names.map(quote))}`);
  } else {
    sheet = workbook.worksheets.find((s) => findHeaderRow(sheetRows(s, HEADER_SEARCH_ROWS).map((r) => r.cells), words) >= 0);
    if (!sheet) fail({file}, `no sheet has a header row with a unit column (${listAnd(words.unit.map(quote))}) in its first ${HEADER_SEARCH_ROWS} rows: sheets ${listAnd(names.map(quote))}`);
    if (sheet !== workbook.worksheets[0]) warn({file, message: `read the answers from sheet ${quote(sheet.name)}, the first with a unit column (sheets: ${listAnd(names.map(quote))})`});
  }
  const rows = sheetRows(sheet);
  if (rows.every((r) => r.cells.every((c) => c.trim() === ""))) fail({file: `${file} [${sheet.name}]`, row: 1}, "empty sheet (expected a header row)");
  const table = surveyTableFrom(names.length > 1 ? `${file} [${sheet.name}]` : file, rows, words, warn);
  return {...table, file};
}
