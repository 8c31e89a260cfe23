// Survey exports saved as csv: the encoding detected, the delimiter found by the header, title lines skipped.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {collectWarnings} from "../../../loaders/report/warnings.js";
import {readSurveyCsv} from "../../../loaders/survey/readSurveyCsv.js";
import type {HeaderWords} from "../../../loaders/survey/surveyHeader.js";
import {loadError} from "../../helpers/loadError.js";

const WORDS: HeaderWords = {unit: ["Kod", "Kommunkod", "Kommun"], name: ["Namn", "Kommunnamn", "Kommun"], questions: Object.fromEntries(["F1", "F2", "F3", "F4", "F5", "F6", "F7"].map((q) => [q, []]))};

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));

describe("readSurveyCsv", () => {
  it("reads a comma-separated Windows-1252 file with a title line and a lower-case header", () => {
    const {warn, warnings} = collectWarnings();
    const table = readSurveyCsv("enkat.csv", fixture("survey-saved/enkat_2013_saved.csv"), WORDS, {warn});
    expect(table.original).toEqual({Kod: "kommunkod", Namn: "kommun"});
    expect(table.rows.map((r) => [r.row, r.cells.Kod, r.cells.Namn])).toEqual([
      [3, "114", "Upplands Väsby"],
      [4, "0115", "Vallentuna"],
      [5, "0180-01", "Rinkeby-Kista"],
      [6, "0180-02", "Spånga-Tensta"],
      [7, "380", "Uppsala"]
    ]);
    expect(warnings).toEqual([{file: "enkat.csv", row: 1, message: 'skipped 1 row above the header on row 2 (row 1: "Enkätsvar per enhet")'}]);
  });

  it("reads the project's own semicolon export with its BOM", () => {
    const table = readSurveyCsv("enkat.csv", fixture("survey/enkat_2013_small.csv"), WORDS, {encoding: "utf-8"});
    expect(table.original).toEqual({});
    expect(table.rows).toHaveLength(5);
  });

  it("refuses a row with another number of fields than the header", () => {
    const text = Buffer.from("Kod;Namn;F1\n0114;Upplands Väsby;1;Ja\n");
    expect(loadError(() => readSurveyCsv("enkat.csv", text, WORDS)).message).toBe('enkat.csv, row 2: 4 fields, expected 3 as in the header (is the delimiter ";"?)');
    expect(loadError(() => readSurveyCsv("enkat.csv", Buffer.from("Kod;Namn;F1\n0114;Upplands Väsby\n"), WORDS)).message).toBe('enkat.csv, row 2: 2 fields, expected 3 as in the header (is the delimiter ";"?)');
  });

  it("says when no row in the first 20 holds a unit column", () => {
    expect(loadError(() => readSurveyCsv("enkat.csv", Buffer.from("Enhet;Svar\n0114;Ja\n"), WORDS)).message).toBe(
      'enkat.csv, row 1: no header row with a unit column ("Kod", "Kommunkod" and "Kommun") in the first 20 rows: expected the column names of the questionnaire; row 1 reads "Enhet Svar"'
    );
  });
});
