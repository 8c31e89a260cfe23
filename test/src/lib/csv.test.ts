// The project's one csv writer: two conventions (Swedish Excel, programs),
// numbers as numbers, and no text that a spreadsheet would run as a formula.
import {csvParseRows, dsvFormat} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {csvField, defuseFormula, EXCEL, PROGRAMS, writeCsv} from "../../../src/lib/csv.js";

const columns = [
  {key: "namn", label: "Namn", type: "text"},
  {key: "kod", label: "Kod", type: "text"},
  {key: "värde", label: "Värde", type: "number"}
];

describe("writeCsv", () => {
  it("writes Swedish Excel's convention: semicolon, decimal comma, BOM, CRLF, codes with their zeros", () => {
    const text = writeCsv([{namn: "Åmål", kod: "1492", värde: 57.142857142857146}, {namn: 'Plan; "samlad"', kod: "0180", värde: null}], columns, EXCEL);
    expect(text).toBe('\ufeffNamn;Kod;Värde\r\nÅmål;1492;57,1428571429\r\n"Plan; ""samlad""";0180;\r\n');
  });

  it("writes RFC 4180 for programs: comma, dot, no BOM, CRLF, quoted where needed", () => {
    const text = writeCsv([{namn: "a,b", kod: "01", värde: -3.5}], columns, PROGRAMS);
    expect(text).toBe('Namn,Kod,Värde\r\n"a,b",01,-3.5\r\n');
    expect(csvParseRows(text.trim())).toEqual([["Namn", "Kod", "Värde"], ["a,b", "01", "-3.5"]]);
  });

  it.each([
    ["=HYPERLINK(\"http://x\",\"klicka\")", "'=HYPERLINK(\"http://x\",\"klicka\")"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTAB", "'\tTAB"],
    ["\rCR", "'\rCR"],
    ["Stockholm", "Stockholm"],
    ["a=b", "a=b"]
  ])("writes the text %j as %j, which a spreadsheet shows as text", (input, output) => {
    expect(defuseFormula(input)).toBe(output);
    const parsed = dsvFormat(";").parseRows(writeCsv([{namn: input, kod: "x", värde: 1}], columns, EXCEL).slice(1).trim());
    expect(parsed[1]![0]).toBe(output);
  });

  it("keeps negative numbers numbers, and defuses a formula in a header too", () => {
    expect(csvField(-3, {key: "v", label: "v", type: "number"}, EXCEL)).toBe("-3");
    expect(csvField(0.1 + 0.2, {key: "v", label: "v", type: "number"}, PROGRAMS)).toBe("0.3");
    expect(writeCsv([], [{key: "a", label: "=1+1", type: "text"}], PROGRAMS)).toBe("'=1+1\r\n");
  });

  it("writes dates as ISO dates and refuses text in a number column", () => {
    expect(csvField(new Date(Date.UTC(2016, 0, 2)), {key: "d", label: "d", type: "text"}, EXCEL)).toBe("2016-01-02");
    expect(() => writeCsv([{namn: "x", kod: "1", värde: "57,1"}], columns)).toThrow(/Värde: väntade ett tal/);
  });
});
