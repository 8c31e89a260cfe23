// Splitting the head and tail of a csv into records in JavaScript.
import {describe, expect, it} from "vitest";
import {splitRecords} from "../../../../loaders/register/csv/splitRecords.js";

describe("splitRecords", () => {
  it("splits quoted cells, doubled quotes and CRLF, and keeps each record's line and bytes", () => {
    const bytes = Buffer.from('a;"b;c"\r\n"say ""hi""";\r\n"two\nlines";x');
    expect(splitRecords(bytes, ";")).toEqual([
      {line: 1, start: 0, end: 9, cells: ["a", "b;c"]},
      {line: 2, start: 9, end: 24, cells: ['say "hi"', ""]},
      {line: 3, start: 24, end: 37, cells: ["two\nlines", "x"]}
    ]);
  });

  it("leaves out a last record cut by the end of the bytes read, unless they reach the end of the file", () => {
    expect(splitRecords(Buffer.from("a;b\n1;2"), ";", {atEnd: false})).toHaveLength(1);
    expect(splitRecords(Buffer.from("a;b\n1;2"), ";")).toHaveLength(2);
  });
});
