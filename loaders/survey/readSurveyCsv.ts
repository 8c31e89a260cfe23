import {decodeText, type TextEncoding} from "../read/decodeText.js";
import {parseTable} from "../read/parseDelimited.js";
import type {SurveyTable} from "./surveyTable.js";

/** Reads a web-survey export saved as csv (semicolon-separated; a comma file is detected from its header). */
export function readSurveyCsv(file: string, bytes: Uint8Array, encoding: TextEncoding = "utf-8"): SurveyTable {
  const text = decodeText(file, bytes, encoding);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes(";") || !firstLine.includes(",") ? ";" : ",";
  const {header, records} = parseTable(file, text, delimiter);
  return {file, header, rows: records.map(({line, values}) => ({row: line, cells: values}))};
}
