import ExcelJS from "exceljs";
import {fail} from "../errors.js";
import type {SurveyTable} from "./surveyTable.js";

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

/** Opens an xlsx workbook, turning zip and format failures into messages a user can act on. */
export async function openWorkbook(file: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) fail({file}, "empty file (expected an xlsx workbook)");
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) fail({file}, "not an xlsx workbook (the file does not start as a zip archive; was it saved as .xls or csv?)");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    fail({file}, `not a readable xlsx workbook, the file may be truncated (${(error as Error).message})`);
  }
  if (workbook.worksheets.length === 0) fail({file}, "the workbook has no sheets");
  return workbook;
}

/** Reads the first sheet of a survey export: row 1 is the header, one row per responding unit. */
export async function readSurveyXlsx(file: string, bytes: Uint8Array): Promise<SurveyTable> {
  const workbook = await openWorkbook(file, bytes);
  const sheet = workbook.worksheets[0]!;
  const header: string[] = [];
  sheet.getRow(1).eachCell({includeEmpty: true}, (cell, col) => (header[col - 1] = cellText(cell.value).trim()));
  if (header.length === 0 || header.every((h) => h === "")) fail({file, row: 1}, "empty sheet (expected a header row)");
  const rows: SurveyTable["rows"] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Record<string, string> = {};
    let any = false;
    row.eachCell({includeEmpty: false}, (cell, col) => {
      const name = header[col - 1];
      if (name === undefined || name === "") fail({file, row: r, column: cell.address.replace(/\d+$/, "")}, `value ${JSON.stringify(cellText(cell.value))} in a column without header`);
      const text = cellText(cell.value);
      if (text.trim() !== "") any = true;
      cells[name] = text;
    });
    // Wholly empty rows (formatting left behind by Excel) carry no unit.
    if (any) rows.push({row: r, cells});
  }
  return {file, header, rows};
}
