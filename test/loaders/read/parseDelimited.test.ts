// Delimited text read in JavaScript (survey exports, reference lists).
import {describe, expect, it} from "vitest";
import {parseDelimited, parseTable} from "../../../loaders/read/parseDelimited.js";
import {loadError} from "../../helpers/loadError.js";

describe("parseDelimited", () => {
  it("reads quoted cells with delimiters, escaped quotes and line breaks, CRLF, a BOM, and keeps line numbers", () => {
    const text = '\ufeffa;b\r\n"x;y";"say ""hi"""\r\n"two\nlines";z\r\n';
    expect(parseDelimited("f.csv", text, ";")).toEqual([
      {line: 1, cells: ["a", "b"]},
      {line: 2, cells: ["x;y", 'say "hi"']},
      {line: 3, cells: ["two\nlines", "z"]}
    ]);
  });

  it("reads a last line without a line break, and skips a trailing empty line", () => {
    expect(parseDelimited("f.csv", "a,b\n1,2", ",")).toEqual([
      {line: 1, cells: ["a", "b"]},
      {line: 2, cells: ["1", "2"]}
    ]);
  });

  it("refuses a quote that never closes, unless reading only the head of a file", () => {
    expect(loadError(() => parseDelimited("f.csv", 'a;b\n"open;1\n', ";")).message).toBe('f.csv, row 2: unterminated quoted field (expected a closing ")');
    expect(parseDelimited("f.csv", 'a;b\n"open;1\n', ";", {partial: true})).toEqual([{line: 1, cells: ["a", "b"]}]);
  });

  it("stops at a cell longer than the record limit instead of swallowing the file", () => {
    const text = `a;b\n1;"${"x".repeat(9 * 1024 * 1024)}`;
    expect(loadError(() => parseDelimited("f.csv", text, ";")).message).toBe("f.csv, row 2: a quoted cell starts here and runs on for more than 8 MB: expected a closing quote (one is probably missing)");
  });
});

describe("parseTable", () => {
  it("keys records by the header and refuses a ragged row", () => {
    expect(parseTable("f.csv", "code,name\n01,Stockholms län\n", ",").records).toEqual([{line: 2, values: {code: "01", name: "Stockholms län"}}]);
    expect(loadError(() => parseTable("f.csv", "code,name\n01\n", ",")).message).toBe('f.csv, row 2: 1 fields, expected 2 as in the header (is the delimiter ","?)');
  });
});
