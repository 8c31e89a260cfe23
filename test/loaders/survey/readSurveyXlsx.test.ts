// Survey workbooks as a person saves them (test/fixtures/survey-saved, written by its makeFixtures.ts).
import {readFileSync} from "node:fs";
import JSZip from "jszip";
import {describe, expect, it} from "vitest";
import {LoadError} from "../../../loaders/errors.js";
import {collectWarnings} from "../../../loaders/report/warnings.js";
import {readSurveyXlsx} from "../../../loaders/survey/readSurveyXlsx.js";
import type {HeaderWords} from "../../../loaders/survey/surveyHeader.js";

const saved = readFileSync(new URL("../../fixtures/survey-saved/enkat_2013_saved.xlsx", import.meta.url));
const WORDS: HeaderWords = {
  unit: ["Kod", "Kommunkod", "Kommun"],
  name: ["Namn", "Kommunnamn", "Kommun"],
  questions: Object.fromEntries(["F1", "F2", "F3", "F4", "F5", "F6", "F7"].map((q) => [q, []]))
};

async function refused(read: Promise<unknown>): Promise<string> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e
  );
  if (!(error instanceof LoadError)) throw new Error(`expected a LoadError, got ${String(error)}`);
  return error.message;
}

describe("readSurveyXlsx on a workbook as a person saves it", () => {
  it("finds the answers on the second sheet, below a title, under the export's own column names, and says what it did", async () => {
    const {warn, warnings} = collectWarnings();
    const table = await readSurveyXlsx("enkat.xlsx", saved, WORDS, {warn});
    expect(table.header).toEqual(["Kod", "Namn", "F1", "F2", "F3", "F4", "F5", "F6", "F7"]);
    expect(table.original).toEqual({Kod: "Kommunkod", Namn: "Kommun"});
    expect(table.headerRow).toBe(3);
    expect(table.rows.map((r) => [r.row, r.cells.Kod, r.cells.F5])).toEqual([
      [4, "114", "Ja"],
      [5, "0115", ""],
      [6, "0180-01", "Ja"],
      [7, "0180-02", "Nej"],
      [8, "380", "Ja"]
    ]);
    expect(warnings).toEqual([
      {file: "enkat.xlsx", message: 'read the answers from sheet "Svar", the first with a unit column (sheets: "Om enkäten" and "Svar")'},
      {file: "enkat.xlsx [Svar]", row: 1, message: 'skipped 1 row above the header on row 3 (row 1: "Enkätsvar per enhet, november 2013")'},
      {file: "enkat.xlsx [Svar]", row: 10, message: 'left out 1 note row below the table (row 10: "Källa: enkätverktyget, export 2013-12-02")'}
    ]);
  });

  it("reads the sheet the source declares, and names the sheets when it is not there", async () => {
    expect((await readSurveyXlsx("enkat.xlsx", saved, WORDS, {sheet: "Svar"})).rows).toHaveLength(5);
    expect(await refused(readSurveyXlsx("enkat.xlsx", saved, WORDS, {sheet: "Blad1"}))).toBe('enkat.xlsx: has no sheet "Blad1" (declared in data/sources.json): its sheets are "Om enkäten" and "Svar"');
  });

  it("says so when no sheet has a unit column in the wordings the questionnaire declares", async () => {
    expect(await refused(readSurveyXlsx("enkat.xlsx", saved, {...WORDS, unit: ["Enhetskod"]}))).toBe(
      'enkat.xlsx: no sheet has a header row with a unit column ("Enhetskod") in its first 20 rows: sheets "Om enkäten" and "Svar"'
    );
  });

  it("refuses a workbook that would unpack to more than 100 MB before building it, naming the part", async () => {
    const zip = await JSZip.loadAsync(saved);
    zip.file("xl/worksheets/sheet3.xml", " ".repeat(120 * 1024 * 1024));
    const bomb = await zip.generateAsync({type: "nodebuffer", compression: "DEFLATE"});
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refused(readSurveyXlsx("bomb.xlsx", bomb, WORDS))).toMatch(
      /^bomb\.xlsx: unpacks to 120 MB \(xl\/worksheets\/sheet3\.xml alone 120 MB from \d+ KB packed\), more than the 100 MB a workbook may unpack to here: save only the sheet with the answers, or save it as csv$/
    );
  }, 60_000);

  it.each([
    [Buffer.from("<!DOCTYPE html><html><head><title>Logga in</title></head></html>"), 'x.xlsx: is an HTML web page titled "Logga in", not an xlsx workbook: the download returned a page (an error, login or cookie page) instead of data'],
    [Buffer.alloc(0), "x.xlsx: empty file (0 bytes): expected an xlsx workbook; the download or export produced nothing"],
    [saved.subarray(0, 3000), "x.xlsx: not a readable xlsx workbook, the file may be truncated (the zip archive has no central directory at its end)"]
  ])("names what a download that is not a workbook is (%#)", async (bytes, message) => {
    expect(await refused(readSurveyXlsx("x.xlsx", bytes, WORDS))).toBe(message);
  });
});
