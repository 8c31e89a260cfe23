// From a file's rows to a survey table.
import {describe, expect, it} from "vitest";
import {collectWarnings} from "../../../loaders/report/warnings.js";
import type {HeaderWords} from "../../../loaders/survey/surveyHeader.js";
import {surveyTableFrom} from "../../../loaders/survey/surveyTable.js";
import {loadError} from "../../helpers/loadError.js";

const WORDS: HeaderWords = {unit: ["Kod"], name: ["Namn"], questions: {F1: []}};
const rows = (...cells: string[][]) => cells.map((c, i) => ({row: i + 1, cells: c}));

describe("surveyTableFrom", () => {
  it("skips empty rows inside and notes below, and warns about the notes", () => {
    const {warn, warnings} = collectWarnings();
    const table = surveyTableFrom("f.csv", rows(["Kod", "F1"], ["0114", "1"], ["", ""], ["0115", "2"], ["", ""], ["Källa: enkätverktyget", ""]), WORDS, warn);
    expect(table.rows).toEqual([
      {row: 2, cells: {Kod: "0114", F1: "1"}},
      {row: 4, cells: {Kod: "0115", F1: "2"}}
    ]);
    expect(warnings).toEqual([{file: "f.csv", row: 6, message: 'left out 1 note row below the table (row 6: "Källa: enkätverktyget")'}]);
  });

  it("refuses a value under a blank header, at its spreadsheet column", () => {
    const error = loadError(() => surveyTableFrom("f.xlsx", [{row: 1, cells: ["Kod", "F1", ""]}, {row: 2, cells: ["0114", "1", "x"], columns: ["A", "B", "C"]}], WORDS, () => {}));
    expect(error.message).toBe('f.xlsx, row 2, column C: value "x" in a column without header: expected the column to be empty, or a name in row 1');
  });

  it("refuses a file with no rows at all", () => {
    expect(loadError(() => surveyTableFrom("f.csv", rows([""]), WORDS, () => {})).message).toBe("f.csv: has no rows: expected a header row of column names");
  });
});
