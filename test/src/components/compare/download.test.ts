// What the downloads contain: the comparison rows (views.js) and their csv and
// xlsx files (download.js). The xlsx is written with ExcelJS as in the browser
// and read back with SheetJS, a different reader, to check cell types.
import ExcelJS from "exceljs";
import * as XLSX from "xlsx";
import {describe, expect, it} from "vitest";
import {toCsv, toXlsx} from "../../../../src/components/compare/download.js";
import {basisText, displayRows, EXPORT_COLUMNS, exportRows, placeText, valueText} from "../../../../src/lib/compare/views.js";

const BBIC = {id: "bbic_ordinarie_licens", title: "Ordinarie licens för BBIC", unit: "procent", measure: "share_yes"};
const vallentuna = {code: "0115", name: "Vallentuna", kind: "kommun", lan_code: "01", lan_name: "Stockholms län", kommungrupp: "A2", kommungrupp_name: "Pendlingskommun nära storstad"};
const goteborg = {code: "1480", name: "Göteborg", kind: "storstad", lan_code: "14", lan_name: "Västra Götalands län", kommungrupp: "A1", kommungrupp_name: "Storstäder", stadsdelar: 10};
const varmdo = {code: "0120", name: "Värmdö", kind: "kommun", lan_code: "01", lan_name: "Stockholms län", kommungrupp: "A2", kommungrupp_name: "Pendlingskommun nära storstad"};

const reference = {riket_status: "ok", riket_value: 98.0645, riket_numerator: 304, riket_denominator: 310, group_method: "andel"};
const comparisonRows = [
  {code: "0115", value: 0, status: "ok", numerator: 0, denominator: 1, rank: 305, rank_n: 310, ties: 6, group_value: 97.619, group_numerator: 41, group_denominator: 42, group_n: 42, lan_status: "ok", lan_value: 100, lan_numerator: 39, lan_denominator: 39, ...reference},
  {code: "1480", value: 80, status: "ok", numerator: 8, denominator: 10, rank: null, group_value: 96.55, group_numerator: 28, group_denominator: 29, group_n: 29, lan_status: "ok", lan_value: 92.86, lan_numerator: 52, lan_denominator: 56, ...reference},
  {code: "0120", value: null, status: "no_answer", numerator: null, denominator: null, rank: null, group_value: 97.619, group_numerator: 41, group_denominator: 42, group_n: 42, lan_status: "ok", lan_value: 100, lan_numerator: 39, lan_denominator: 39, ...reference}
];
const selection = [
  {code: "0115", unit: vallentuna},
  {code: "1480", unit: goteborg},
  {code: "0120", unit: varmdo}
];

describe("the rows of one indicator", () => {
  const rows = displayRows(BBIC, comparisonRows, selection, {year: 2016});

  it("lists the chosen units, then each kommungrupp and län once, then riket", () => {
    expect(rows.map((r) => [r.role, r.code])).toEqual([
      ["unit", "0115"],
      ["unit", "1480"],
      ["unit", "0120"],
      ["grupp", "A2"],
      ["län", "01"],
      ["grupp", "A1"],
      ["län", "14"],
      ["riket", "00"]
    ]);
  });

  it("shows a unit's answer as Ja/Nej, a storstad's share with its stadsdelar, and why a value is missing", () => {
    const [v, g, w, a2] = rows;
    if (!v || !g || !w || !a2) throw new Error("expected the three units and their first kommungrupp");
    expect([valueText(v, BBIC), basisText(v, BBIC), placeText(v, BBIC)]).toEqual(["Nej", "", "6 av 310 svarade nej"]);
    expect([valueText(g, BBIC), basisText(g, BBIC), placeText(g, BBIC)]).toEqual(["80,0\u00a0%", "8 av 10 stadsdelar", ""]);
    expect(valueText(w, BBIC)).toBeNull();
    expect(w!.note).toBe("besvarade inte enkäten 2016");
    expect([valueText(a2, BBIC), basisText(a2, BBIC)]).toEqual(["97,6\u00a0%", "41 av 42 enheter"]);
  });

  it("exports one row each, values as numbers, codes as text, missing values with their reason", () => {
    const out = exportRows(BBIC, rows, 2016);
    expect(out[0]).toMatchObject({indicator_id: BBIC.id, year: 2016, role: "Vald enhet", code: "0115", name: "Vallentuna", value: 0, status: "", rank: 305, rank_n: 310});
    expect(out[2]).toMatchObject({code: "0120", value: null, status: "besvarade inte enkäten 2016"});
    expect(out[3]).toMatchObject({role: "Kommungrupp", code: "A2", name: "A2 Pendlingskommun nära storstad", numerator: 41, denominator: 42, method: "andel av enheternas svar"});
    expect(out[7]).toMatchObject({role: "Riket", code: "00", value: 98.0645, numerator: 304, denominator: 310});
  });
});

const sample = [
  {indicator_id: "x", indicator: 'Plan; "samlad"', year: 2016, role: "Vald enhet", code: "0180", name: "Stockholm", value: 57.142857142857146, unit: "procent", status: "", numerator: 8, denominator: 14, method: "", rank: null, rank_n: null},
  {indicator_id: "x", indicator: "Plan", year: 2016, role: "Län", code: "01", name: "Stockholms län", value: null, unit: "procent", status: "besvarade inte enkäten 2016", numerator: null, denominator: null, method: "", rank: null, rank_n: null}
];

describe("csv", () => {
  it("is semicolon separated with decimal comma, a BOM, CRLF, quoted where needed, codes with their zeros", () => {
    const csv = toCsv(sample, EXPORT_COLUMNS);
    expect(csv.startsWith("\ufeffIndikator-id;Indikator;År;")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(lines[1]).toBe('x;"Plan; ""samlad""";2016;Vald enhet;0180;Stockholm;57,1428571429;procent;;8;14;;;;;;;;');
    expect(lines[2]).toBe("x;Plan;2016;Län;01;Stockholms län;;procent;besvarade inte enkäten 2016;;;;;;;;;;");
  });

  it("refuses text where a number belongs", () => {
    expect(() => toCsv([{...sample[0], value: "57,1"}], EXPORT_COLUMNS)).toThrow(/Värde: väntade ett tal/);
  });
});

describe("xlsx", () => {
  it("keeps numbers as numbers and codes as text with leading zeros, plus an about sheet", async () => {
    const buffer = await toXlsx(ExcelJS, sample, EXPORT_COLUMNS, {about: [["Länk", "http://127.0.0.1/jamfor?enhet=0180"]]});
    const workbook = XLSX.read(new Uint8Array(buffer), {type: "array"});
    expect(workbook.SheetNames).toEqual(["Jämförelse", "Om uttaget"]);
    const sheet = workbook.Sheets["Jämförelse"]!;
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, {raw: true});
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({"Indikator-id": "x", År: 2016, Kod: "0180", Värde: 57.142857142857146, Täljare: 8, Nämnare: 14});
    expect(rows[1]).toMatchObject({Kod: "01", Status: "besvarade inte enkäten 2016"});
    expect(rows[1]).not.toHaveProperty("Värde");
    // Cell types: E2 is the code (text), G2 the value (number).
    expect(sheet.E2).toMatchObject({t: "s", v: "0180"});
    expect(sheet.G2).toMatchObject({t: "n", v: 57.142857142857146});
    expect(sheet.E3).toMatchObject({t: "s", v: "01"});
    expect(XLSX.utils.sheet_to_json(workbook.Sheets["Om uttaget"]!, {header: 1})).toEqual([["Länk", "http://127.0.0.1/jamfor?enhet=0180"]]);
  });
});
