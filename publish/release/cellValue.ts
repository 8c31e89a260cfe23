/**
 * What a workbook cell holds for one unit and indicator: a real number with a
 * number format, or the marker of its status. Shares are stored as fractions
 * (0.981) with Excel's percent format, so they sort, filter and compute as
 * numbers and read "98,1 %" in a Swedish Excel. A unit's own yes/no answer is
 * stored as 1 or 0 (100 % or 0 %) with a format that reads "Ja"/"Nej": the
 * average of a column is then the share answering yes.
 */
import {fail} from "../../loaders/errors.js";
import {markerOf} from "./markers.js";
import {isOwnAnswer, isShare} from "../../src/lib/vocabulary.js";
import type {Area, Cell, Indicator} from "./releaseModel.js";

export const NUMBER_FORMATS = {
  /** Positive → "Ja", negative → "Ja" (never occurs), zero → "Nej". Plain sections: every spreadsheet program reads them. */
  yesNo: '"Ja";"Ja";"Nej"',
  percent: "0.0%",
  count: "#,##0",
  rate: "0.0"
} as const;

export type CellContent = {kind: "number"; value: number; numFmt: string} | {kind: "marker"; marker: string};

export function cellContent(indicator: Indicator, area: Area, cell: Cell): CellContent {
  if (cell.status !== "ok" || cell.value === null) return {kind: "marker", marker: markerOf(cell.status)};
  const value = cell.value;
  if (isShare(indicator.measure)) {
    if (isOwnAnswer(indicator.measure, area) && indicator.source === "enkät") {
      if (value !== 0 && value !== 100) {
        fail({file: "observations.parquet", column: "value"}, `${indicator.id} for ${area.code} ${area.name}: ${value} (expected 100 or 0 for a unit's own answer)`);
      }
      return {kind: "number", value: value / 100, numFmt: NUMBER_FORMATS.yesNo};
    }
    return {kind: "number", value: value / 100, numFmt: NUMBER_FORMATS.percent};
  }
  if (indicator.measure === "count") return {kind: "number", value, numFmt: NUMBER_FORMATS.count};
  return {kind: "number", value, numFmt: NUMBER_FORMATS.rate};
}
