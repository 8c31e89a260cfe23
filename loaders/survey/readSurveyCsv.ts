import {decodeText} from "../read/decodeText.js";
import {formatBytes, LIMITS} from "../read/limits.js";
import {parseDelimited} from "../read/parseDelimited.js";
import {checkDownload} from "../read/sniffDownload.js";
import {fail} from "../errors.js";
import type {Warn} from "../report/warnings.js";
import {findHeaderRow, type HeaderWords} from "./surveyHeader.js";
import {surveyTableFrom, type SurveyTable} from "./surveyTable.js";

const DELIMITERS = [";", ",", "\t"];

/**
 * Reads a web-survey export saved as csv: the encoding declared or detected,
 * the delimiter the one (";", "," or tab) under which a header row with a unit
 * column appears, title rows above it and notes below the table left out.
 */
export function readSurveyCsv(file: string, bytes: Uint8Array, words: HeaderWords, {encoding, warn = () => {}}: {encoding?: string; warn?: Warn} = {}): SurveyTable {
  if (bytes.length > LIMITS.textFileBytes) fail({file}, `is ${formatBytes(bytes.length)}, more than the ${formatBytes(LIMITS.textFileBytes)} a survey csv may have here (one row per unit): is it the right file?`);
  const {text} = decodeText(file, bytes, encoding);
  checkDownload(file, text.slice(0, 8192), bytes.length, "a survey export (csv)");
  const head = text.slice(0, 64 * 1024);
  const delimiter = DELIMITERS.find((d) => findHeaderRow(parseDelimited(file, head, d, {partial: true}).map((r) => r.cells), words) >= 0) ?? ";";
  const rows = parseDelimited(file, text, delimiter).map(({line, cells}) => ({row: line, cells}));
  return surveyTableFrom(file, rows, words, warn, {delimiter});
}
