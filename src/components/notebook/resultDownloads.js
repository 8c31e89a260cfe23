// @ts-check
// A result's downloads: csv in the project's two conventions (src/lib/csv.js)
// and an xlsx workbook (ExcelJS, as the comparison tool writes it): numbers
// as numbers with their column's number format, codes and other text as text.
import {EXCEL, PROGRAMS, writeCsv} from "../../lib/csv.js";
import {columnKind} from "../../lib/notebook/chart.js";
import {columnStyle} from "../../lib/notebook/display.js";
import {toXlsx, XLSX_TYPE} from "../compare/download.js";
import {download} from "./dom.js";

/** Excel number formats per column style. */
const NUMBER_FORMATS = {share: "0.0", count: "0", year: "0", number: "0.00"};

/**
 * The columns of a result as the csv and xlsx writers want them.
 * @param {{name: string, type: string}[]} columns
 * @param {Record<string, any>[]} rows
 */
export function downloadColumns(columns, rows) {
  return columns.map((c) => {
    const kind = columnKind(c, rows);
    const style = columnStyle(c, rows, kind);
    const numeric = style.style !== "text" && rows.every((r) => r[c.name] === null || r[c.name] === undefined || typeof r[c.name] === "number");
    const numFmt = /** @type {Record<string, string>} */ (NUMBER_FORMATS)[style.style];
    return {key: c.name, label: c.name, type: numeric ? "number" : "text", ...(numeric && numFmt ? {numFmt} : {})};
  });
}

/**
 * @param {"csv" | "csv-excel" | "xlsx"} format
 * @param {string} name the result's name (the file's stem)
 * @param {{name: string, type: string}[]} columns
 * @param {Record<string, any>[]} rows every row of the result
 */
export async function downloadResult(format, name, columns, rows) {
  const described = downloadColumns(columns, rows);
  if (format === "xlsx") {
    const ExcelJS = (await import("exceljs")).default;
    const buffer = await toXlsx(ExcelJS, rows, described, {sheetName: name, about: [["Källa", "Utforska data, Öppna jämförelser – social barn- och ungdomsvård (exempeldata)"], ["Resultat", name]]});
    download(`${name}.xlsx`, new Blob([buffer], {type: XLSX_TYPE}));
    return;
  }
  const text = writeCsv(rows, described, format === "csv-excel" ? EXCEL : PROGRAMS);
  download(format === "csv-excel" ? `${name}-excel.csv` : `${name}.csv`, new Blob([text], {type: "text/csv;charset=utf-8"}));
}
